"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { fromZodError } from "@/lib/api/errors";
import { requireSession } from "@/lib/auth/session";
import { actorOf, roleAtLeast } from "@/lib/auth/types";
import { runFlowManually } from "@/lib/engine/executions-service";
import { kickExecutions } from "@/lib/engine/kick";
import { setFlowActive } from "@/lib/flows/flow-store";
import { actionFailure, type ActionState } from "./connections/action-result";

// The quick controls of the dashboard and the health page: pause or resume a flow, run it
// now. Viewers see them disabled; these refuse them too (and so does the flow store).

const toggleSchema = z.strictObject({ flowId: z.string().uuid("Unknown flow."), active: z.boolean() });
const flowIdSchema = z.string().uuid("Unknown flow.");

function revalidate() {
  revalidatePath("/");
  revalidatePath("/health");
  revalidatePath("/flows");
}

export async function setFlowActiveAction(input: { flowId: string; active: boolean }): Promise<ActionState & { active?: boolean }> {
  const parsed = toggleSchema.safeParse(input);
  if (!parsed.success) return actionFailure(fromZodError(parsed.error));
  const session = await requireSession();
  if (!roleAtLeast(session.workspace.role, "member")) return { ok: false, error: "Viewers cannot pause or resume flows." };
  try {
    const row = await setFlowActive(actorOf(session), parsed.data.flowId, parsed.data.active);
    revalidate();
    return { ok: true, active: row.isActive };
  } catch (error) {
    return actionFailure(error);
  }
}

/** Queues a manual run with an empty payload and starts it after the response. */
export async function runFlowNowAction(flowId: string): Promise<ActionState & { executionId?: string }> {
  const parsed = flowIdSchema.safeParse(flowId);
  if (!parsed.success) return actionFailure(fromZodError(parsed.error));
  const session = await requireSession();
  if (!roleAtLeast(session.workspace.role, "member")) return { ok: false, error: "Viewers cannot run flows." };
  try {
    const execution = await runFlowManually(actorOf(session), parsed.data, {});
    kickExecutions([execution.id]);
    revalidate();
    return { ok: true, executionId: execution.id };
  } catch (error) {
    return actionFailure(error);
  }
}
