"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { fromZodError } from "@/lib/api/errors";
import { requireSession } from "@/lib/auth/session";
import { actorOf, roleAtLeast } from "@/lib/auth/types";
import { withUser } from "@/lib/db/scope";
import { createFlow } from "@/lib/flows/flow-store";
import { getTemplate } from "@/lib/templates/catalog";
import { chosenConnectionsSchema, instantiateTemplate } from "@/lib/templates/instantiate-template";
import { actionFailure, type ActionState } from "../connections/action-result";

export type UseTemplateState = ActionState & { flowId?: string };

const inputSchema = z.strictObject({
  template: z.string().min(1).max(100),
  connections: chosenConnectionsSchema,
});

/** Creates an inactive flow from a template with the chosen connections; the builder opens next. */
export async function createFlowFromTemplateAction(template: string, connections: Record<string, string>): Promise<UseTemplateState> {
  const parsed = inputSchema.safeParse({ template, connections });
  if (!parsed.success) return actionFailure(fromZodError(parsed.error));
  const found = getTemplate(parsed.data.template);
  if (!found) return { ok: false, error: "There is no such template." };
  const actor = actorOf(await requireSession());
  if (!roleAtLeast(actor.role, "member")) return { ok: false, error: "Viewers cannot create flows." };
  try {
    const definition = await withUser({ userId: actor.userId, email: actor.email }, (tx) =>
      instantiateTemplate(tx, actor.workspaceId, found, parsed.data.connections),
    );
    const saved = await createFlow(actor, definition);
    revalidatePath("/flows");
    return { ok: true, flowId: saved.row.id };
  } catch (error) {
    return actionFailure(error);
  }
}
