"use client";

import { useState, useTransition } from "react";
import { loadFlowActivityAction, type FlowActivityState } from "@/app/(hub)/health/actions";
import { FlowActiveSwitch } from "@/components/dashboard/flow-active-switch";
import { RunNowButton } from "@/components/dashboard/run-now-button";
import { RelativeTime } from "@/components/relative-time";
import { StatusBadge } from "@/components/status-badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { FlowHealthRow } from "@/lib/insights/flow-health-rows";
import { formatPercent } from "@/lib/insights/format";
import { cn } from "@/lib/utils";
import { ConnectorRoute, type ConnectorLooks } from "./connector-route";
import { FlowActivitySheet, type SheetFlow } from "./flow-activity-sheet";

export type HealthTableRow = Omit<FlowHealthRow, "lastRunAt"> & { lastRunAt: string | null };

/**
 * The flows, errored first (red left edge). A row opens the flow's runs in a sheet: the
 * flow's name is the button for keyboards and screen readers, the whole row for a pointer.
 */
export function HealthTable({ rows, looks, canManage, now: nowIso }: { rows: HealthTableRow[]; looks: ConnectorLooks; canManage: boolean; now: string }) {
  const now = new Date(nowIso);
  const [selected, setSelected] = useState<SheetFlow | null>(null);
  const [activity, setActivity] = useState<{ flowId: string; state: FlowActivityState } | null>(null);
  const [loading, startLoading] = useTransition();

  function load(flow: SheetFlow) {
    startLoading(async () => {
      const state = await loadFlowActivityAction(flow.id);
      setActivity({ flowId: flow.id, state });
    });
  }
  function open(row: HealthTableRow) {
    const flow = { id: row.id, name: row.name, health: row.health };
    setSelected(flow);
    load(flow);
  }

  return (
    <>
      <Table aria-label="Flow health">
        <TableHeader>
          <TableRow>
            <TableHead className="border-l-4 border-l-transparent">Flow</TableHead>
            <TableHead>Status</TableHead>
            <TableHead>Last run</TableHead>
            <TableHead className="hidden text-right sm:table-cell">Errors 24 h</TableHead>
            <TableHead className="text-right">
              <span className="sr-only">Controls</span>
            </TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.id} data-health={row.health} className="cursor-pointer" onClick={() => open(row)}>
              <TableCell className={cn("max-w-72 border-l-4", row.health === "error" ? "border-l-red-600" : "border-l-transparent")}>
                <button
                  type="button"
                  onClick={(event) => {
                    event.stopPropagation();
                    open(row);
                  }}
                  className="block max-w-full truncate text-left font-medium hover:underline focus-visible:underline focus-visible:outline-none"
                >
                  {row.name}
                </button>
                <ConnectorRoute route={row.route} looks={looks} />
              </TableCell>
              <TableCell>
                <StatusBadge status={row.health} />
              </TableCell>
              <TableCell className="whitespace-nowrap text-muted-foreground">
                {row.lastRunAt ? <RelativeTime date={new Date(row.lastRunAt)} now={now} /> : "Never"}
              </TableCell>
              <TableCell className="hidden text-right whitespace-nowrap tabular-nums sm:table-cell">
                {formatPercent(row.errorRate24h)}
                <span className="block text-xs text-muted-foreground">
                  {row.failed24h} of {row.succeeded24h + row.failed24h}
                </span>
              </TableCell>
              <TableCell>
                <div className="flex items-center justify-end gap-3">
                  <RunNowButton flowId={row.id} name={row.name} canManage={canManage} />
                  <FlowActiveSwitch flowId={row.id} name={row.name} active={row.active} canManage={canManage} />
                </div>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <FlowActivitySheet
        flow={selected}
        activity={activity && selected && activity.flowId === selected.id ? activity.state : null}
        loading={loading}
        now={now}
        onOpenChange={(isOpen) => {
          if (!isOpen) setSelected(null);
        }}
        onRetry={() => selected && load(selected)}
      />
    </>
  );
}
