import { and, eq, gte, inArray, sql } from "drizzle-orm";
import { connections, executions, flowHourlyStats, flows } from "@/lib/db/schema";
import type { Queryable } from "@/lib/db/types";
import { errorRate } from "./flow-health";
import { last24HoursStart } from "./windows";

// The numbers on the dashboard's and the health page's cards. Finished executions come from
// the hourly rollup (24 rows per flow at most), unfinished ones from the status index, capped:
// neither reads more rows when the executions table grows.

/** Beyond this many unfinished executions the cards say "1,000+". */
export const UNFINISHED_CAP = 1000;

export interface WorkspaceStats {
  flows: number;
  activeFlows: number;
  /** Connections whose credentials work, and the distinct services they connect. */
  activeConnections: number;
  connectedServices: number;
  /** Finished (not dry) executions in the last 24 hours, by outcome. */
  succeeded24h: number;
  failed24h: number;
  cancelled24h: number;
  /** Queued, running or waiting for a retry now (at most UNFINISHED_CAP + 1). */
  unfinished: number;
  /** failed / (succeeded + failed) over 24 hours; null without finished runs. */
  failureRate: number | null;
  averageDurationMs: number | null;
}

const n = (v: unknown) => Number(v ?? 0);

export async function workspaceStats(q: Queryable, workspaceId: string, now = new Date()): Promise<WorkspaceStats> {
  const [rollup] = await q
    .select({
      succeeded: sql`coalesce(sum(${flowHourlyStats.succeeded}), 0)::int`.mapWith(n),
      failed: sql`coalesce(sum(${flowHourlyStats.failed}), 0)::int`.mapWith(n),
      cancelled: sql`coalesce(sum(${flowHourlyStats.cancelled}), 0)::int`.mapWith(n),
      durationSum: sql`coalesce(sum(${flowHourlyStats.durationMsSum}), 0)::float8`.mapWith(n),
      durationCount: sql`coalesce(sum(${flowHourlyStats.durationCount}), 0)::int`.mapWith(n),
    })
    .from(flowHourlyStats)
    .where(and(eq(flowHourlyStats.workspaceId, workspaceId), gte(flowHourlyStats.hour, last24HoursStart(now))));

  const capped = q
    .select({ id: executions.id })
    .from(executions)
    .where(
      and(
        eq(executions.workspaceId, workspaceId),
        inArray(executions.status, ["queued", "running", "retrying"]),
        eq(executions.dryRun, false),
      ),
    )
    .limit(UNFINISHED_CAP + 1)
    .as("unfinished");
  const [unfinished] = await q.select({ count: sql`count(*)::int`.mapWith(n) }).from(capped);

  const [flowCounts] = await q
    .select({
      total: sql`count(*)::int`.mapWith(n),
      active: sql`count(*) filter (where ${flows.isActive})::int`.mapWith(n),
    })
    .from(flows)
    .where(eq(flows.workspaceId, workspaceId));

  const [connectionCounts] = await q
    .select({
      active: sql`count(*)::int`.mapWith(n),
      services: sql`count(distinct ${connections.connector})::int`.mapWith(n),
    })
    .from(connections)
    .where(and(eq(connections.workspaceId, workspaceId), eq(connections.status, "active")));

  return {
    flows: flowCounts.total,
    activeFlows: flowCounts.active,
    activeConnections: connectionCounts.active,
    connectedServices: connectionCounts.services,
    succeeded24h: rollup.succeeded,
    failed24h: rollup.failed,
    cancelled24h: rollup.cancelled,
    unfinished: unfinished.count,
    failureRate: errorRate(rollup.succeeded, rollup.failed),
    averageDurationMs: rollup.durationCount > 0 ? rollup.durationSum / rollup.durationCount : null,
  };
}

/** Finished in 24 hours plus those under way now: the "executions" card. */
export const executionsToday = (s: WorkspaceStats) => s.succeeded24h + s.failed24h + s.cancelled24h + s.unfinished;
