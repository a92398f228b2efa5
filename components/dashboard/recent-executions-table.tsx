import Link from "next/link";
import { History } from "lucide-react";
import { EmptyState } from "@/components/empty-state";
import { RelativeTime } from "@/components/relative-time";
import { StatusBadge } from "@/components/status-badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatDuration, triggerLabel } from "@/lib/insights/format";
import type { RecentExecution } from "@/lib/insights/recent-executions";

export const executionHref = (e: { flowId: string; id: string }) => `/flows/${e.flowId}/executions/${e.id}`;

/** The newest runs of the workspace; each flow name opens that run's step log. */
export function RecentExecutionsTable({ executions, now }: { executions: RecentExecution[]; now: Date }) {
  if (executions.length === 0) {
    return (
      <EmptyState
        icon={History}
        title="No runs yet"
        description="Runs appear here as soon as a flow is triggered by a webhook, a schedule or by hand."
        className="min-h-48 border-0"
      />
    );
  }
  return (
    <Table aria-label="Recent executions">
      <TableHeader>
        <TableRow>
          <TableHead>Flow</TableHead>
          <TableHead className="hidden sm:table-cell">Trigger</TableHead>
          <TableHead>Status</TableHead>
          <TableHead className="hidden sm:table-cell text-right">Duration</TableHead>
          <TableHead className="text-right">Started</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {executions.map((e) => (
          <TableRow key={e.id}>
            <TableCell className="max-w-48 truncate font-medium">
              <Link href={executionHref(e)} prefetch={false} className="hover:underline focus-visible:underline">
                {e.flowName}
              </Link>
              {e.dryRun ? <span className="ml-2 text-xs font-normal text-muted-foreground">dry run</span> : null}
            </TableCell>
            <TableCell className="hidden text-muted-foreground sm:table-cell">{triggerLabel(e.triggerType)}</TableCell>
            <TableCell>
              <StatusBadge status={e.status} />
            </TableCell>
            <TableCell className="hidden text-right tabular-nums sm:table-cell">{formatDuration(e.durationMs)}</TableCell>
            <TableCell className="text-right whitespace-nowrap text-muted-foreground">
              <RelativeTime date={e.createdAt} now={now} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
