import Link from "next/link";
import { ArrowRight } from "lucide-react";

import { RelativeTime } from "@/components/relative-time";
import { StatusBadge } from "@/components/status-badge";
import { formatDuration } from "@/lib/executions/duration";
import type { ExecutionDetail } from "@/lib/executions/load-execution";
import { Fact } from "./fact";
import { triggerLabel } from "./trigger-label";

const when = (iso: string | null, now: Date) => (iso ? <RelativeTime date={new Date(iso)} now={now} /> : <span className="text-muted-foreground">not yet</span>);

/** The execution at a glance: status, timing, trigger, version, attempts and records. */
export function ExecutionFacts({ execution, currentVersion, now }: { execution: ExecutionDetail; currentVersion: number | null; now: Date }) {
  const running = execution.status === "running" && execution.started_at;
  return (
    <dl aria-label="Execution summary" className="grid grid-cols-2 gap-x-6 gap-y-4 rounded-xl border p-4 sm:grid-cols-3 lg:grid-cols-4">
      <Fact label="Status">
        <StatusBadge status={execution.status} />
        {execution.dry_run ? <span className="ml-2 text-xs text-muted-foreground">dry run</span> : null}
      </Fact>
      <Fact label="Duration">
        {running ? `running for ${formatDuration(now.getTime() - Date.parse(execution.started_at!))}` : formatDuration(execution.duration_ms)}
      </Fact>
      <Fact label="Started → completed">
        <span className="inline-flex flex-wrap items-center gap-1">
          {when(execution.started_at, now)}
          <ArrowRight aria-label="to" className="size-3.5 text-muted-foreground" />
          {when(execution.completed_at, now)}
        </span>
      </Fact>
      <Fact label="Trigger">{triggerLabel(execution.trigger_type)}</Fact>
      <Fact label="Flow version">
        v{execution.flow_version}
        {currentVersion !== null && currentVersion !== execution.flow_version ? (
          <span className="text-muted-foreground"> (current: v{currentVersion})</span>
        ) : null}
      </Fact>
      <Fact label="Attempt">
        {execution.attempt || "—"}
        {execution.next_retry_at && execution.status === "retrying" ? (
          <span className="text-muted-foreground">
            {" "}
            · next retry <RelativeTime date={new Date(execution.next_retry_at)} now={now} />
          </span>
        ) : null}
      </Fact>
      <Fact label="Records processed">{execution.records_processed.toLocaleString("en-US")}</Fact>
      <Fact label="Queued">
        <RelativeTime date={new Date(execution.created_at)} now={now} />
      </Fact>
      {execution.rerun_of ? (
        <Fact label="Re-run of">
          <Link className="font-mono text-xs underline underline-offset-4" href={`/flows/${execution.flow_id}/executions/${execution.rerun_of}`}>
            {execution.rerun_of.slice(0, 8)}
          </Link>
        </Fact>
      ) : null}
    </dl>
  );
}
