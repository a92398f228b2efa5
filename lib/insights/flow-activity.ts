import { and, eq, gte, sql } from "drizzle-orm";
import { flowHourlyStats } from "@/lib/db/schema";
import type { Queryable } from "@/lib/db/types";
import { CHART_DAYS, fillDailySeries, seriesStart, type DailyPoint } from "./daily-series";
import { FLOW_RUNS_LIMIT, recentExecutions, type RecentExecution } from "./recent-executions";

// What the health sheet shows for one flow: its last 50 runs and 30 days of daily runs and
// errors (at most 720 rollup rows, read through the rollup's primary key (flow_id, hour)).

export interface FlowActivity {
  runs: RecentExecution[];
  days: DailyPoint[];
}

export async function flowDailyCounts(q: Queryable, workspaceId: string, flowId: string, now = new Date()) {
  const day = sql<string>`to_char(${flowHourlyStats.hour} at time zone 'UTC', 'YYYY-MM-DD')`;
  const rows = await q
    .select({
      day,
      succeeded: sql`sum(${flowHourlyStats.succeeded})::int`.mapWith(Number),
      failed: sql`sum(${flowHourlyStats.failed})::int`.mapWith(Number),
      cancelled: sql`sum(${flowHourlyStats.cancelled})::int`.mapWith(Number),
    })
    .from(flowHourlyStats)
    .where(
      and(
        eq(flowHourlyStats.flowId, flowId),
        eq(flowHourlyStats.workspaceId, workspaceId),
        gte(flowHourlyStats.hour, seriesStart(now, CHART_DAYS)),
      ),
    )
    .groupBy(day);
  return fillDailySeries(rows, now, CHART_DAYS);
}

export async function flowActivity(q: Queryable, workspaceId: string, flowId: string, now = new Date()): Promise<FlowActivity> {
  const runs = await recentExecutions(q, workspaceId, { flowId, limit: FLOW_RUNS_LIMIT });
  const days = await flowDailyCounts(q, workspaceId, flowId, now);
  return { runs, days };
}
