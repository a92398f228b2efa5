"use server";

import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { apiKeyCreateSchema, workspaceCreateSchema } from "@/lib/api/resources/api-keys";
import { requireSession, WORKSPACE_COOKIE } from "@/lib/auth/session";
import { recordAudit } from "@/lib/audit/record-audit";
import { actorOf, roleAtLeast } from "@/lib/auth/types";
import { createApiKey, revokeApiKey } from "@/lib/db/queries/api-keys";
import { createWorkspace } from "@/lib/db/queries/workspaces";
import { apiKeys } from "@/lib/db/schema";
import { asSystem, withUser } from "@/lib/db/scope";
import { eq } from "drizzle-orm";
import { retentionSchema, updateWorkspaceSettings } from "@/lib/workspaces/update-workspace";

export type ActionState = { ok: boolean; error?: string; field?: string };
export type CreateKeyState = ActionState & { key?: string; prefix?: string; name?: string };

function firstIssue(error: z.ZodError): ActionState {
  const issue = error.issues[0];
  return { ok: false, error: issue.message, field: issue.path.join(".") || undefined };
}

/** Creates an API key for the current workspace; the key comes back once, for the dialog to show. */
export async function createApiKeyAction(_prev: CreateKeyState, formData: FormData): Promise<CreateKeyState> {
  const parsed = apiKeyCreateSchema.safeParse({ name: formData.get("name") ?? "" });
  if (!parsed.success) return firstIssue(parsed.error);
  const session = await requireSession();
  if (!roleAtLeast(session.workspace.role, "admin")) {
    return { ok: false, error: "Only admins and owners can create API keys." };
  }
  const created = await withUser({ userId: session.user.id, email: session.user.email }, async (tx) => {
    const key = await createApiKey(tx, { workspaceId: session.workspace.id, name: parsed.data.name, createdBy: session.user.id });
    await recordAudit(tx, actorOf(session), { action: "api_key.created", targetType: "api_key", targetId: key.id, targetName: parsed.data.name, details: { prefix: key.prefix } });
    return key;
  });
  revalidatePath("/settings");
  return { ok: true, key: created.key, prefix: created.prefix, name: parsed.data.name };
}

export async function revokeApiKeyAction(keyId: string): Promise<ActionState> {
  if (!z.string().uuid().safeParse(keyId).success) return { ok: false, error: "Unknown API key." };
  const session = await requireSession();
  if (!roleAtLeast(session.workspace.role, "admin")) {
    return { ok: false, error: "Only admins and owners can revoke API keys." };
  }
  const revoked = await withUser({ userId: session.user.id, email: session.user.email }, async (tx) => {
    if (!(await revokeApiKey(tx, session.workspace.id, keyId))) return false;
    const [key] = await tx.select({ name: apiKeys.name, prefix: apiKeys.prefix }).from(apiKeys).where(eq(apiKeys.id, keyId));
    await recordAudit(tx, actorOf(session), { action: "api_key.revoked", targetType: "api_key", targetId: keyId, targetName: key?.name, details: { prefix: key?.prefix } });
    return true;
  });
  revalidatePath("/settings");
  return revoked ? { ok: true } : { ok: false, error: "That key does not exist or was already revoked." };
}

export async function renameWorkspaceAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = workspaceCreateSchema.safeParse({ name: formData.get("name") ?? "" });
  if (!parsed.success) return firstIssue(parsed.error);
  const session = await requireSession();
  if (!roleAtLeast(session.workspace.role, "admin")) {
    return { ok: false, error: "Only admins and owners can rename the workspace." };
  }
  await withUser({ userId: session.user.id, email: session.user.email }, (tx) =>
    updateWorkspaceSettings(tx, actorOf(session), { name: parsed.data.name }),
  );
  revalidatePath("/", "layout");
  return { ok: true };
}

/** How many days executions and webhook events are kept before the tick deletes them (admins). */
export async function updateRetentionAction(_prev: ActionState, formData: FormData): Promise<ActionState & { days?: number }> {
  const parsed = retentionSchema.safeParse(formData.get("retention_days") ?? "");
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0].message, field: "retention_days" };
  const session = await requireSession();
  if (!roleAtLeast(session.workspace.role, "admin")) {
    return { ok: false, error: "Only admins and owners can change retention." };
  }
  await withUser({ userId: session.user.id, email: session.user.email }, (tx) =>
    updateWorkspaceSettings(tx, actorOf(session), { retentionDays: parsed.data }),
  );
  revalidatePath("/settings");
  return { ok: true, days: parsed.data };
}

/** Creates a workspace owned by the user and switches to it. */
export async function createWorkspaceAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = workspaceCreateSchema.safeParse({ name: formData.get("name") ?? "" });
  if (!parsed.success) return firstIssue(parsed.error);
  const session = await requireSession();
  const workspace = await asSystem((db) => createWorkspace(db, { name: parsed.data.name, ownerId: session.user.id }));
  (await cookies()).set(WORKSPACE_COOKIE, workspace.id, { httpOnly: true, sameSite: "lax", path: "/", maxAge: 31_536_000 });
  revalidatePath("/", "layout");
  redirect("/settings");
}
