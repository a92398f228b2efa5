import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { connections, flowSteps, flows } from "@/lib/db/schema";
import { queryRows, type Queryable } from "@/lib/db/types";
import type { ConnectionRow } from "./present";

export async function listConnectionRows(q: Queryable, workspaceId: string): Promise<ConnectionRow[]> {
  return q.select().from(connections).where(eq(connections.workspaceId, workspaceId)).orderBy(desc(connections.createdAt));
}

export async function getConnectionRow(q: Queryable, workspaceId: string, id: string): Promise<ConnectionRow | null> {
  const [row] = await q
    .select()
    .from(connections)
    .where(and(eq(connections.workspaceId, workspaceId), eq(connections.id, id)));
  return row ?? null;
}

/** The flows with a step that uses the connection (what revoking it would pause). */
export async function flowsUsingConnection(
  q: Queryable,
  workspaceId: string,
  connectionId: string,
): Promise<{ flowId: string; name: string }[]> {
  const rows = await q
    .selectDistinct({ flowId: flows.id, name: flows.name })
    .from(flowSteps)
    .innerJoin(flows, eq(flows.id, flowSteps.flowId))
    .where(and(eq(flowSteps.workspaceId, workspaceId), eq(flowSteps.connectionId, connectionId)))
    .orderBy(asc(flows.name));
  return rows;
}

/** Pauses the given flows, saying why (shown on the flow). */
export async function pauseFlows(q: Queryable, workspaceId: string, flowIds: string[], reason: string): Promise<void> {
  if (flowIds.length === 0) return;
  await q
    .update(flows)
    .set({ isActive: false, pausedReason: reason, updatedAt: new Date() })
    .where(and(eq(flows.workspaceId, workspaceId), inArray(flows.id, flowIds)));
}

/**
 * Per connector used in this workspace's flows: when a run of those flows last ended, and
 * when one last succeeded (how fresh the data it moved is).
 */
export async function lastRunsByConnector(
  q: Queryable,
  workspaceId: string,
): Promise<Map<string, { lastRun: Date | null; lastSuccess: Date | null }>> {
  const rows = await queryRows<{ connector: string; last_run: string | null; last_success: string | null }>(
    q,
    sql`select fs.connector,
               max(e.completed_at) as last_run,
               max(e.completed_at) filter (where e.status = 'succeeded') as last_success
          from (select distinct flow_id, connector from flow_steps
                 where workspace_id = ${workspaceId} and connector is not null) fs
          join lateral (select status, completed_at from executions
                         where flow_id = fs.flow_id and completed_at is not null and not dry_run
                         order by created_at desc nulls last limit 200) e on true
         group by fs.connector`,
  );
  const toDate = (v: string | Date | null) => (v ? new Date(v) : null);
  return new Map(rows.map((r) => [r.connector, { lastRun: toDate(r.last_run), lastSuccess: toDate(r.last_success) }]));
}
