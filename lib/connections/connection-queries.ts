import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { connections, flowSteps, flows } from "@/lib/db/schema";
import type { Queryable } from "@/lib/db/types";
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
