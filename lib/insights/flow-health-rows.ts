import { asc, inArray, sql } from "drizzle-orm";
import { flowSteps } from "@/lib/db/schema";
import { queryRows, type Queryable } from "@/lib/db/types";
import { classifyFlowHealth, compareByHealth, errorRate, type FlowHealth } from "./flow-health";
import { flowRoute, type FlowRoute } from "./flow-route";
import { last24HoursStart } from "./windows";

// One row per flow for the health table. Per flow it reads: its rollup rows of the last 24
// hours (24 at most), its newest execution and its newest finished one (each an index probe
// on executions (flow_id, created_at desc nulls last) that stops at the first match: the
// `nulls last` must be spelled out for the index to give the order), and, for the whole
// workspace, the flows with a run waiting for a retry (status index) and unresolved alerts
// (the partial unique index of alerts). The cost grows with the number of flows, not of
// executions.

export interface FlowHealthRow {
  id: string;
  name: string;
  active: boolean;
  pausedReason: string | null;
  route: FlowRoute;
  health: FlowHealth;
  lastRunAt: Date | null;
  lastRunStatus: string | null;
  succeeded24h: number;
  failed24h: number;
  errorRate24h: number | null;
  averageDurationMs: number | null;
  retrying: boolean;
  unresolvedAlerts: number;
}

type Raw = {
  id: string;
  name: string;
  is_active: boolean;
  paused_reason: string | null;
  trigger: unknown;
  succeeded: number | null;
  failed: number | null;
  duration_sum: number | null;
  duration_count: number | null;
  last_status: string | null;
  last_created_at: string | Date | null;
  last_finished_status: "succeeded" | "failed" | null;
  retrying: boolean;
  alerts: number | null;
};

const toDate = (v: string | Date | null) => (v === null ? null : new Date(v));

export async function flowHealthRows(q: Queryable, workspaceId: string, now = new Date()): Promise<FlowHealthRow[]> {
  const since = last24HoursStart(now);
  const rows = await queryRows<Raw>(
    q,
    sql`with stats as (
          select flow_id, sum(succeeded)::int as succeeded, sum(failed)::int as failed,
                 sum(duration_ms_sum)::float8 as duration_sum, sum(duration_count)::int as duration_count
            from flow_hourly_stats
           where workspace_id = ${workspaceId} and hour >= ${since.toISOString()}::timestamptz
           group by flow_id),
        retrying as (
          select distinct flow_id from (
            select flow_id from executions
             where workspace_id = ${workspaceId} and status = 'retrying' and not dry_run
             limit 10000) r),
        open_alerts as (
          select flow_id, count(*)::int as alerts from alerts
           where workspace_id = ${workspaceId} and status <> 'resolved' and flow_id is not null
           group by flow_id)
        select f.id, f.name, f.is_active, f.paused_reason, f.trigger,
               s.succeeded, s.failed, s.duration_sum, s.duration_count,
               last.status as last_status, last.created_at as last_created_at,
               fin.status as last_finished_status,
               (r.flow_id is not null) as retrying,
               a.alerts
          from flows f
          left join stats s on s.flow_id = f.id
          left join retrying r on r.flow_id = f.id
          left join open_alerts a on a.flow_id = f.id
          left join lateral (
            select e.status, e.created_at from executions e
             where e.flow_id = f.id and not e.dry_run
             order by e.created_at desc nulls last limit 1) last on true
          left join lateral (
            select e.status from executions e
             where e.flow_id = f.id and not e.dry_run and e.status in ('succeeded', 'failed')
             order by e.created_at desc nulls last limit 1) fin on true
         where f.workspace_id = ${workspaceId}`,
  );
  if (rows.length === 0) return [];

  const steps = await q
    .select({ flowId: flowSteps.flowId, kind: flowSteps.kind, connector: flowSteps.connector, arm: flowSteps.arm, position: flowSteps.position })
    .from(flowSteps)
    .where(inArray(flowSteps.flowId, rows.map((r) => r.id)))
    .orderBy(asc(flowSteps.flowId), asc(flowSteps.position));
  const stepsOf = new Map<string, typeof steps>();
  for (const s of steps) stepsOf.set(s.flowId, [...(stepsOf.get(s.flowId) ?? []), s]);

  return rows
    .map((r): FlowHealthRow => {
      const succeeded = Number(r.succeeded ?? 0);
      const failed = Number(r.failed ?? 0);
      const durationCount = Number(r.duration_count ?? 0);
      const unresolvedAlerts = Number(r.alerts ?? 0);
      return {
        id: r.id,
        name: r.name,
        active: r.is_active,
        pausedReason: r.paused_reason,
        route: flowRoute(r.trigger, stepsOf.get(r.id) ?? []),
        health: classifyFlowHealth({
          active: r.is_active,
          lastFinishedStatus: r.last_finished_status,
          unresolvedAlerts,
          retrying: r.retrying,
          succeeded24h: succeeded,
          failed24h: failed,
        }),
        lastRunAt: toDate(r.last_created_at),
        lastRunStatus: r.last_status,
        succeeded24h: succeeded,
        failed24h: failed,
        errorRate24h: errorRate(succeeded, failed),
        averageDurationMs: durationCount > 0 ? Number(r.duration_sum) / durationCount : null,
        retrying: r.retrying,
        unresolvedAlerts,
      };
    })
    .sort(compareByHealth);
}
