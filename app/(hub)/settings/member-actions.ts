"use server";

import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { fromZodError } from "@/lib/api/errors";
import { originFromHeaders } from "@/lib/api/site-origin";
import { requireSession } from "@/lib/auth/session";
import { inviteWithSupabase } from "@/lib/auth/supabase/invite-user";
import { actorOf } from "@/lib/auth/types";
import { changeMemberRole, inviteMember, inviteSchema, memberIdSchema, removeMember, roleSchema } from "@/lib/workspaces/manage-members";
import { actionFailure, type ActionState } from "../connections/action-result";

export async function changeMemberRoleAction(userId: string, role: string): Promise<ActionState> {
  const parsed = z.object({ userId: memberIdSchema, role: roleSchema }).safeParse({ userId, role });
  if (!parsed.success) return actionFailure(fromZodError(parsed.error));
  const actor = actorOf(await requireSession());
  try {
    await changeMemberRole(actor, parsed.data.userId, parsed.data.role);
    revalidatePath("/settings");
    return { ok: true };
  } catch (error) {
    return actionFailure(error);
  }
}

export async function removeMemberAction(userId: string): Promise<ActionState> {
  const parsed = memberIdSchema.safeParse(userId);
  if (!parsed.success) return actionFailure(fromZodError(parsed.error));
  const actor = actorOf(await requireSession());
  try {
    await removeMember(actor, parsed.data);
    revalidatePath("/settings");
    return { ok: true };
  } catch (error) {
    return actionFailure(error);
  }
}

/** Where the invitation email's link lands: this site's /auth/confirm, then the hub. */
async function confirmUrl(): Promise<string> {
  return `${originFromHeaders(await headers())}/auth/confirm?next=/`;
}

export async function inviteMemberAction(_prev: ActionState & { email?: string }, formData: FormData): Promise<ActionState & { email?: string }> {
  const parsed = inviteSchema.safeParse({ email: formData.get("email") ?? "", role: formData.get("role") ?? "" });
  if (!parsed.success) return actionFailure(fromZodError(parsed.error));
  const actor = actorOf(await requireSession());
  try {
    const redirectTo = await confirmUrl();
    await inviteMember(actor, parsed.data, (email) => inviteWithSupabase(email, redirectTo));
    revalidatePath("/settings");
    return { ok: true, email: parsed.data.email };
  } catch (error) {
    return actionFailure(error);
  }
}
