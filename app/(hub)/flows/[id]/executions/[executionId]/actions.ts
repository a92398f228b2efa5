"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { fromZodError } from "@/lib/api/errors";
import { requireSession } from "@/lib/auth/session";
import { actorOf, roleAtLeast } from "@/lib/auth/types";
import { cancelExecution, rerunExecution, rerunSchema } from "@/lib/engine/executions-service";
import { kickExecutions } from "@/lib/engine/kick";
import { actionFailure, type ActionState } from "@/app/(hub)/connections/action-result";

export type RerunState = ActionState & { executionId?: string; flowId?: string };

const idSchema = z.string().uuid("Unknown execution.");

/** A new execution of the same payload (from the start or the failed step, on either version), started now. */
export async function rerunExecutionAction(id: string, options: unknown): Promise<RerunState> {
  const parsedId = idSchema.safeParse(id);
  if (!parsedId.success) return actionFailure(fromZodError(parsedId.error));
  const parsed = rerunSchema.safeParse(options ?? {});
  if (!parsed.success) return actionFailure(fromZodError(parsed.error));
  const session = await requireSession();
  if (!roleAtLeast(session.workspace.role, "member")) return { ok: false, error: "Viewers cannot re-run executions." };
  try {
    const execution = await rerunExecution(actorOf(session), parsedId.data, parsed.data);
    kickExecutions([execution.id]);
    revalidatePath("/executions");
    return { ok: true, executionId: execution.id, flowId: execution.flowId };
  } catch (error) {
    return actionFailure(error);
  }
}

/** Stops a queued, running or retrying execution; steps already done stay done. */
export async function cancelExecutionAction(id: string): Promise<ActionState> {
  const parsedId = idSchema.safeParse(id);
  if (!parsedId.success) return actionFailure(fromZodError(parsedId.error));
  const session = await requireSession();
  if (!roleAtLeast(session.workspace.role, "member")) return { ok: false, error: "Viewers cannot cancel executions." };
  try {
    const cancelled = await cancelExecution(actorOf(session), parsedId.data);
    revalidatePath(`/flows/${cancelled.flowId}/executions/${cancelled.id}`);
    revalidatePath("/executions");
    return { ok: true };
  } catch (error) {
    return actionFailure(error);
  }
}
