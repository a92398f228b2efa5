"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { fromZodError } from "@/lib/api/errors";
import { requireSession } from "@/lib/auth/session";
import { actorOf } from "@/lib/auth/types";
import {
  connectionCreateSchema,
  connectionUpdateSchema,
  createConnection,
  updateConnection,
  revokeConnection,
  validateConnection,
} from "@/lib/connections/manage-connections";
import type { ConnectionResponse } from "@/lib/connections/present";
import { connectionInputFromForm } from "@/components/connections/connect-form-model";
import { actionFailure, type ActionState } from "./action-result";

export type ConnectState = ActionState & { connection?: { id: string; name: string } };
export type ValidateState = ActionState & {
  status?: ConnectionResponse["status"];
  reason?: string | null;
  accountLabel?: string | null;
};
export type RevokeState = ActionState & { pausedFlows?: number };

const idSchema = z.string().uuid("Unknown connection.");

function revalidate() {
  revalidatePath("/connections");
  revalidatePath("/connectors");
}

/** Checks the typed credentials with the service, then saves them encrypted; they never come back. */
export async function createConnectionAction(formData: FormData): Promise<ConnectState> {
  const input = connectionInputFromForm(formData);
  const typed = Object.values(input.credentials);
  const parsed = connectionCreateSchema.safeParse(input);
  if (!parsed.success) return actionFailure(fromZodError(parsed.error), typed);
  const actor = actorOf(await requireSession());
  try {
    const created = await createConnection(actor, parsed.data);
    revalidate();
    return { ok: true, connection: { id: created.id, name: created.name } };
  } catch (error) {
    return actionFailure(error, typed);
  }
}

export async function renameConnectionAction(formData: FormData): Promise<ActionState & { name?: string }> {
  const id = idSchema.safeParse(formData.get("id"));
  if (!id.success) return actionFailure(fromZodError(id.error));
  const parsed = connectionUpdateSchema.safeParse({ name: formData.get("name") ?? "" });
  if (!parsed.success) return actionFailure(fromZodError(parsed.error));
  const actor = actorOf(await requireSession());
  try {
    const renamed = await updateConnection(actor, id.data, parsed.data);
    revalidate();
    return { ok: true, name: renamed.name };
  } catch (error) {
    return actionFailure(error);
  }
}

/** Calls the service with the stored credentials now; the connection records the outcome. */
export async function validateConnectionAction(id: string): Promise<ValidateState> {
  const parsedId = idSchema.safeParse(id);
  if (!parsedId.success) return actionFailure(fromZodError(parsedId.error));
  const actor = actorOf(await requireSession());
  try {
    const checked = await validateConnection(actor, parsedId.data);
    revalidate();
    return { ok: true, status: checked.status, reason: checked.status_reason, accountLabel: checked.account_label };
  } catch (error) {
    // A failed check that could not reach the service changes nothing, but show the latest state.
    revalidate();
    return actionFailure(error);
  }
}

/** Destroys the credentials and pauses the flows that use them. */
export async function revokeConnectionAction(id: string): Promise<RevokeState> {
  const parsedId = idSchema.safeParse(id);
  if (!parsedId.success) return actionFailure(fromZodError(parsedId.error));
  const actor = actorOf(await requireSession());
  try {
    const revoked = await revokeConnection(actor, parsedId.data);
    revalidate();
    return { ok: true, pausedFlows: revoked.paused_flows.length };
  } catch (error) {
    return actionFailure(error);
  }
}
