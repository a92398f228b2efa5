import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { ChevronLeft } from "lucide-react";

import { CancelExecutionButton } from "@/components/executions/cancel-execution-button";
import { ErrorCard } from "@/components/executions/error-card";
import { ExecutionFacts } from "@/components/executions/execution-facts";
import { JsonViewer } from "@/components/executions/json-viewer";
import { LiveRefresh } from "@/components/executions/live-refresh";
import { RerunDialog } from "@/components/executions/rerun-dialog";
import { StepLog } from "@/components/executions/step-log";
import { PageHeader } from "@/components/shell/page-header";
import { Collapsible, CollapsibleContent, CollapsibleTrigger } from "@/components/ui/collapsible";
import { requireSession } from "@/lib/auth/session";
import { actorOf, roleAtLeast } from "@/lib/auth/types";
import { isFinal, loadExecutionDetail } from "@/lib/executions/load-execution";

export const metadata: Metadata = { title: "Execution" };

export default async function ExecutionPage({ params }: { params: Promise<{ id: string; executionId: string }> }) {
  const { id, executionId } = await params;
  const session = await requireSession();
  const detail = await loadExecutionDetail(actorOf(session), executionId);
  if (!detail) notFound();
  const { execution, flow } = detail;
  // An execution found under another flow's URL: send people to where it belongs.
  if (execution.flow_id !== id) redirect(`/flows/${execution.flow_id}/executions/${execution.id}`);
  const canAct = roleAtLeast(session.workspace.role, "member");
  const final = isFinal(execution.status);
  const failedStep = execution.steps.some((s) => s.status === "failed");
  const now = new Date();

  return (
    <div className="grid gap-6">
      <Link href={`/executions?flow=${execution.flow_id}`} className="inline-flex w-fit items-center gap-1 text-sm text-muted-foreground hover:text-foreground">
        <ChevronLeft aria-hidden="true" className="size-4" />
        Executions of {flow?.name ?? "this flow"}
      </Link>
      <PageHeader
        title={`${flow?.name ?? "Flow"} · execution`}
        description={<span className="font-mono text-xs break-all">{execution.id}</span>}
      >
        {canAct ? (
          <div className="flex flex-wrap gap-2">
            {!final ? <CancelExecutionButton executionId={execution.id} /> : null}
            {final ? (
              <RerunDialog
                executionId={execution.id}
                from="start"
                originalVersion={execution.flow_version}
                currentVersion={flow?.version ?? null}
                variant={execution.status === "failed" && failedStep ? "outline" : "default"}
              />
            ) : null}
            {final && execution.status === "failed" && failedStep ? (
              <RerunDialog
                executionId={execution.id}
                from="failed_step"
                originalVersion={execution.flow_version}
                currentVersion={flow?.version ?? null}
              />
            ) : null}
          </div>
        ) : null}
      </PageHeader>
      {!final ? <LiveRefresh status={execution.status} /> : null}
      {!canAct ? <p className="text-sm text-muted-foreground">Viewers can read executions; members and above can re-run or cancel them.</p> : null}
      <ExecutionFacts execution={execution} currentVersion={flow?.version ?? null} now={now} />
      {execution.error_message ? <ErrorCard title="Why it failed" message={execution.error_message} /> : null}
      <section aria-labelledby="trigger-payload" className="grid gap-2">
        <Collapsible defaultOpen>
          <div className="flex items-center justify-between gap-2">
            <h2 id="trigger-payload" className="text-lg font-medium tracking-tight">
              Trigger payload
            </h2>
            <CollapsibleTrigger className="rounded-md px-2 py-1 text-sm text-muted-foreground hover:bg-muted data-[state=open]:[&>.show]:hidden data-[state=closed]:[&>.hide]:hidden">
              <span className="show">Show payload</span>
              <span className="hide">Hide payload</span>
            </CollapsibleTrigger>
          </div>
          <CollapsibleContent className="pt-2">
            <JsonViewer label="Trigger payload" value={execution.trigger_payload} />
          </CollapsibleContent>
        </Collapsible>
      </section>
      <section aria-labelledby="step-log" className="grid gap-2">
        <h2 id="step-log" className="text-lg font-medium tracking-tight">
          Steps
        </h2>
        <StepLog steps={execution.steps} now={now} />
      </section>
    </div>
  );
}
