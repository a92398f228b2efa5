import { and, eq, sql, type AnyColumn } from "drizzle-orm";
import { executions, flows } from "@/lib/db/schema";
import type { Queryable } from "@/lib/db/types";

// The newest executions of a workspace (the dashboard) or of one flow (the health sheet):
// a walk down the (workspace_id, created_at desc) or (flow_id, created_at desc) index that
// stops after `limit` rows, however many executions there are.

export interface RecentExecution {
  id: string;
  flowId: string;
  flowName: string;
  status: (typeof executions.$inferSelect)["status"];
  triggerType: string;
  dryRun: boolean;
  attempt: number;
  durationMs: number | null;
  errorMessage: string | null;
  createdAt: Date;
  completedAt: Date | null;
}

export const RECENT_LIMIT = 10;

/** `desc nulls last`, the order the executions indexes are built in. */
export const newestFirst = (column: AnyColumn) => sql`${column} desc nulls last`;
export const FLOW_RUNS_LIMIT = 50;

export async function recentExecutions(
  q: Queryable,
  workspaceId: string,
  options: { flowId?: string; limit?: number } = {},
): Promise<RecentExecution[]> {
  const limit = Math.min(Math.max(options.limit ?? RECENT_LIMIT, 1), 200);
  return q
    .select({
      id: executions.id,
      flowId: executions.flowId,
      flowName: flows.name,
      status: executions.status,
      triggerType: executions.triggerType,
      dryRun: executions.dryRun,
      attempt: executions.attempt,
      durationMs: executions.durationMs,
      errorMessage: executions.errorMessage,
      createdAt: executions.createdAt,
      completedAt: executions.completedAt,
    })
    .from(executions)
    .innerJoin(flows, eq(flows.id, executions.flowId))
    .where(and(eq(executions.workspaceId, workspaceId), options.flowId ? eq(executions.flowId, options.flowId) : undefined))
    // Exactly the order of the indexes (workspace_id, created_at desc nulls last, id desc nulls
    // last) and (flow_id, created_at desc nulls last): a plain `desc` means nulls first, which
    // those indexes cannot give, and the planner then walks executions_created_at_idx backwards
    // through every workspace's and flow's rows.
    .orderBy(...(options.flowId ? [newestFirst(executions.createdAt)] : [newestFirst(executions.createdAt), newestFirst(executions.id)]))
    .limit(limit);
}
