import type { Metadata } from "next";
import Link from "next/link";
import { LayoutTemplate, Plus, Workflow } from "lucide-react";

import { EmptyState } from "@/components/empty-state";
import { FlowActiveSwitch } from "@/components/flows/flow-active-switch";
import { RelativeTime } from "@/components/relative-time";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requireSession } from "@/lib/auth/session";
import { actorOf, roleAtLeast } from "@/lib/auth/types";
import { listFlows } from "@/lib/flows/flow-store";

export const metadata: Metadata = { title: "Flows" };

const TRIGGERS: Record<string, string> = { webhook: "Webhook", schedule: "Schedule", manual: "Manual" };

export default async function FlowsPage() {
  const session = await requireSession();
  const canEdit = roleAtLeast(session.workspace.role, "member");
  const flows = await listFlows(actorOf(session));
  const now = new Date();
  return (
    <>
      <PageHeader title="Flows" description="Triggers and the steps they run.">
        {canEdit ? (
          <Button asChild>
            <Link href="/flows/new">
              <Plus aria-hidden="true" />
              New flow
            </Link>
          </Button>
        ) : null}
      </PageHeader>
      {flows.length === 0 ? (
        <EmptyState
          icon={Workflow}
          title="No flows yet"
          description="A flow starts from a webhook, a schedule or a manual run and passes the data through a series of steps."
        >
          {canEdit ? (
            <div className="flex flex-wrap justify-center gap-2">
              <Button asChild>
                <Link href="/flows/new">
                  <Plus aria-hidden="true" />
                  Build a flow
                </Link>
              </Button>
              <Button asChild variant="outline">
                <Link href="/templates">
                  <LayoutTemplate aria-hidden="true" />
                  Start from a template
                </Link>
              </Button>
            </div>
          ) : (
            <p className="text-muted-foreground">Members of the workspace can create flows.</p>
          )}
        </EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-lg border">
          <Table aria-label="Flows">
            <TableHeader>
              <TableRow>
                <TableHead>Name</TableHead>
                <TableHead>Trigger</TableHead>
                <TableHead>Active</TableHead>
                <TableHead className="hidden sm:table-cell">Version</TableHead>
                <TableHead>Updated</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {flows.map((flow) => (
                <TableRow key={flow.id}>
                  <TableCell className="max-w-64 font-medium">
                    <Link href={`/flows/${flow.id}`} className="block truncate hover:underline">
                      {flow.name}
                    </Link>
                    {flow.pausedReason ? <p className="truncate text-xs text-amber-700 dark:text-amber-400">Paused: {flow.pausedReason}</p> : null}
                  </TableCell>
                  <TableCell>
                    <Badge variant="outline">{TRIGGERS[flow.triggerType] ?? flow.triggerType}</Badge>
                  </TableCell>
                  <TableCell>
                    <FlowActiveSwitch id={flow.id} name={flow.name} active={flow.isActive} disabled={!canEdit} />
                  </TableCell>
                  <TableCell className="hidden sm:table-cell">v{flow.version}</TableCell>
                  <TableCell className="whitespace-nowrap text-muted-foreground">
                    <RelativeTime date={flow.updatedAt} now={now} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </>
  );
}
