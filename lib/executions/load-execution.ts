import { and, eq } from "drizzle-orm";
import { ApiError } from "@/lib/api/errors";
import type { Actor } from "@/lib/auth/types";
import { flows } from "@/lib/db/schema";
import { withUser } from "@/lib/db/scope";
import { getExecution } from "@/lib/engine/executions-service";

// What the execution page shows: the execution with its step log (the engine's own reader,
// under RLS) and the flow's name and current version, for the re-run choice.

export type ExecutionDetail = Awaited<ReturnType<typeof getExecution>>;
export type ExecutionStep = ExecutionDetail["steps"][number];

export const FINAL_STATUSES = ["succeeded", "failed", "cancelled"] as const;
export const isFinal = (status: string) => (FINAL_STATUSES as readonly string[]).includes(status);

/** null when there is no such execution in the actor's workspace (or the id is not one). */
export async function loadExecutionDetail(
  actor: Actor,
  id: string,
): Promise<{ execution: ExecutionDetail; flow: { id: string; name: string; version: number } | null } | null> {
  let execution: ExecutionDetail;
  try {
    execution = await getExecution(actor, id);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
  const [flow] = await withUser({ userId: actor.userId, email: actor.email }, (tx) =>
    tx
      .select({ id: flows.id, name: flows.name, version: flows.version })
      .from(flows)
      .where(and(eq(flows.workspaceId, actor.workspaceId), eq(flows.id, execution.flow_id))),
  );
  return { execution, flow: flow ?? null };
}
