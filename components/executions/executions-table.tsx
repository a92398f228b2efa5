import Link from "next/link";
import { ChevronRight } from "lucide-react";

import { RelativeTime } from "@/components/relative-time";
import { StatusBadge } from "@/components/status-badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatDuration } from "@/lib/executions/duration";
import type { ExecutionListRow } from "@/lib/executions/list-page";
import { triggerLabel } from "./trigger-label";

// The rows of the list: a table from tablet width up, a list of cards on a phone (390 px).

const detailHref = (row: ExecutionListRow) => `/flows/${row.flowId}/executions/${row.id}`;
const startedAt = (row: ExecutionListRow) => row.startedAt ?? row.createdAt;

function duration(row: ExecutionListRow, now: Date) {
  if (row.status === "running" && row.startedAt) return `${formatDuration(now.getTime() - row.startedAt.getTime())} so far`;
  return formatDuration(row.durationMs);
}

function Trigger({ row }: { row: ExecutionListRow }) {
  return (
    <>
      {triggerLabel(row.triggerType)}
      {row.rerunOf ? <span className="text-muted-foreground"> · re-run</span> : null}
      {row.dryRun ? <span className="text-muted-foreground"> · dry run</span> : null}
    </>
  );
}

export function ExecutionsTable({ rows, flowNames, now }: { rows: ExecutionListRow[]; flowNames: Map<string, string>; now: Date }) {
  const nameOf = (row: ExecutionListRow) => flowNames.get(row.flowId) ?? "Deleted flow";
  return (
    <>
      <div className="hidden rounded-xl border md:block">
        <Table aria-label="Executions">
          <TableHeader>
            <TableRow>
              <TableHead>Flow</TableHead>
              <TableHead>Trigger</TableHead>
              <TableHead>Status</TableHead>
              <TableHead>Duration</TableHead>
              <TableHead>Started</TableHead>
              <TableHead>
                <span className="sr-only">Details</span>
              </TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((row) => (
              <TableRow key={row.id} data-execution-id={row.id}>
                <TableCell className="max-w-64 truncate font-medium">{nameOf(row)}</TableCell>
                <TableCell>
                  <Trigger row={row} />
                </TableCell>
                <TableCell>
                  <StatusBadge status={row.status} />
                </TableCell>
                <TableCell className="tabular-nums">{duration(row, now)}</TableCell>
                <TableCell>
                  <RelativeTime date={startedAt(row)} now={now} />
                </TableCell>
                <TableCell className="text-right">
                  <Link
                    href={detailHref(row)}
                    aria-label={`Open the ${row.status} execution of ${nameOf(row)}`}
                    className="inline-flex items-center gap-1 text-sm underline-offset-4 hover:underline"
                  >
                    Details
                    <ChevronRight aria-hidden="true" className="size-4" />
                  </Link>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <ul aria-label="Executions" className="grid gap-3 md:hidden">
        {rows.map((row) => (
          <li key={row.id} data-execution-id={row.id}>
            <Link
              href={detailHref(row)}
              aria-label={`Open the ${row.status} execution of ${nameOf(row)}`}
              className="grid gap-2 rounded-xl border p-4 hover:bg-muted/40"
            >
              <span className="flex items-center justify-between gap-3">
                <span className="truncate font-medium">{nameOf(row)}</span>
                <StatusBadge status={row.status} />
              </span>
              <span className="flex flex-wrap gap-x-3 gap-y-1 text-xs text-muted-foreground">
                <span>
                  <Trigger row={row} />
                </span>
                <span className="tabular-nums">{duration(row, now)}</span>
                <RelativeTime date={startedAt(row)} now={now} />
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
