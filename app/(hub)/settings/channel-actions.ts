"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { fromZodError } from "@/lib/api/errors";
import { channelCreateSchema, createChannel, deleteChannel, setChannelActive, testChannel } from "@/lib/alerts/channels";
import { requireSession } from "@/lib/auth/session";
import { actorOf } from "@/lib/auth/types";
import { channelInputFromForm } from "@/components/settings/channel-form-model";
import { actionFailure, type ActionState } from "../connections/action-result";

// Notification channels from the settings page. What the person typed as a secret (a Slack
// or Discord webhook URL, a SendGrid key) is never sent back; a generic webhook's signing
// secret, which the server makes, comes back once for the receiver to verify with.

export type CreateChannelState = ActionState & { signingSecret?: string; name?: string };

const idSchema = z.string().uuid("Unknown notification channel.");

export async function createChannelAction(_prev: CreateChannelState, formData: FormData): Promise<CreateChannelState> {
  const input = channelInputFromForm(formData);
  const typed = Object.values(input).filter((v): v is string => typeof v === "string" && v.length > 0);
  const parsed = channelCreateSchema.safeParse(input);
  if (!parsed.success) return actionFailure(fromZodError(parsed.error), typed);
  const actor = actorOf(await requireSession());
  try {
    const created = await createChannel(actor, parsed.data);
    revalidatePath("/settings");
    return { ok: true, name: created.name, ...(created.signing_secret ? { signingSecret: created.signing_secret } : {}) };
  } catch (error) {
    return actionFailure(error, typed);
  }
}

export async function testChannelAction(id: string): Promise<ActionState & { status?: number }> {
  const parsedId = idSchema.safeParse(id);
  if (!parsedId.success) return actionFailure(fromZodError(parsedId.error));
  const actor = actorOf(await requireSession());
  try {
    const { status } = await testChannel(actor, parsedId.data);
    return { ok: true, status };
  } catch (error) {
    return actionFailure(error);
  }
}

export async function setChannelActiveAction(id: string, active: boolean): Promise<ActionState> {
  const parsed = z.object({ id: idSchema, active: z.boolean() }).safeParse({ id, active });
  if (!parsed.success) return actionFailure(fromZodError(parsed.error));
  const actor = actorOf(await requireSession());
  try {
    await setChannelActive(actor, parsed.data.id, parsed.data.active);
    revalidatePath("/settings");
    return { ok: true };
  } catch (error) {
    return actionFailure(error);
  }
}

export async function deleteChannelAction(id: string): Promise<ActionState> {
  const parsedId = idSchema.safeParse(id);
  if (!parsedId.success) return actionFailure(fromZodError(parsedId.error));
  const actor = actorOf(await requireSession());
  try {
    await deleteChannel(actor, parsedId.data);
    revalidatePath("/settings");
    return { ok: true };
  } catch (error) {
    return actionFailure(error);
  }
}
