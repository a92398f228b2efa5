import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { ApiError, conflict, forbidden, notFound } from "@/lib/api/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { ROLES, roleAtLeast, type Actor, type Role } from "@/lib/auth/types";
import { listMembers, type MemberRow } from "@/lib/db/queries/workspaces";
import { workspaceMembers } from "@/lib/db/schema";
import { withUser } from "@/lib/db/scope";
import type { Tx } from "@/lib/db/types";

// Membership changes by admins: a role change, a removal, an invitation. Only owners touch
// owners (make one, demote one, remove one), and a workspace always keeps an owner.

export const roleSchema = z.enum(ROLES, { error: `Pick a role: ${ROLES.join(", ")}.` });
export const memberIdSchema = z.string().uuid("Unknown member.");
export const inviteSchema = z.strictObject({
  email: z.email({ error: "Enter an email address." }).trim().toLowerCase().max(320),
  role: roleSchema,
});

const asUser = <T>(actor: Actor, fn: (tx: Tx) => Promise<T>) => withUser({ userId: actor.userId, email: actor.email }, fn);

function requireAdmin(actor: Actor): void {
  if (!roleAtLeast(actor.role, "admin")) throw forbidden("Only admins and owners can manage members.");
}

function requireOwnerFor(actor: Actor, ...roles: Role[]): void {
  if (roles.includes("owner") && actor.role !== "owner") throw forbidden("Only owners can make, change or remove an owner.");
}

async function loadMember(tx: Tx, workspaceId: string, userId: string): Promise<MemberRow> {
  const member = (await listMembers(tx, workspaceId)).find((m) => m.userId === userId);
  if (!member) throw notFound("That person is not a member of this workspace.");
  return member;
}

/**
 * The workspace's owners, locked until the transaction ends: two owners demoting or removing
 * each other at once are taken one after the other, and the second sees the first's change,
 * so the workspace always keeps an owner.
 */
async function ownerCount(tx: Tx, workspaceId: string): Promise<number> {
  const owners = await tx
    .select({ userId: workspaceMembers.userId })
    .from(workspaceMembers)
    .where(and(eq(workspaceMembers.workspaceId, workspaceId), eq(workspaceMembers.role, "owner")))
    .for("update");
  return owners.length;
}

async function keepAnOwner(tx: Tx, workspaceId: string, member: MemberRow): Promise<void> {
  if (member.role === "owner" && (await ownerCount(tx, workspaceId)) <= 1) {
    throw conflict("A workspace needs an owner: make someone else an owner first.");
  }
}

const label = (m: MemberRow) => m.email ?? `user ${m.userId.slice(0, 8)}`;

export async function changeMemberRole(actor: Actor, userId: string, role: Role): Promise<void> {
  requireAdmin(actor);
  await asUser(actor, async (tx) => {
    const member = await loadMember(tx, actor.workspaceId, userId);
    if (member.role === role) return;
    requireOwnerFor(actor, member.role, role);
    await keepAnOwner(tx, actor.workspaceId, member);
    await tx
      .update(workspaceMembers)
      .set({ role })
      .where(and(eq(workspaceMembers.workspaceId, actor.workspaceId), eq(workspaceMembers.userId, userId)));
    await recordAudit(tx, actor, {
      action: "member.role_changed",
      targetType: "member",
      targetId: userId,
      targetName: label(member),
      details: { from: member.role, to: role },
    });
  });
}

export async function removeMember(actor: Actor, userId: string): Promise<void> {
  requireAdmin(actor);
  await asUser(actor, async (tx) => {
    const member = await loadMember(tx, actor.workspaceId, userId);
    requireOwnerFor(actor, member.role);
    await keepAnOwner(tx, actor.workspaceId, member);
    await tx.delete(workspaceMembers).where(and(eq(workspaceMembers.workspaceId, actor.workspaceId), eq(workspaceMembers.userId, userId)));
    await recordAudit(tx, actor, { action: "member.removed", targetType: "member", targetId: userId, targetName: label(member), details: { role: member.role } });
  });
}

/** Finds or creates the account for an email (the Supabase admin invite); returns its user id. */
export type InviteAccount = (email: string) => Promise<{ userId: string }>;

/** Adds a person by email with a role; `account` sends the invitation (lib/auth/supabase/invite-user.ts). */
export async function inviteMember(actor: Actor, input: z.input<typeof inviteSchema>, account: InviteAccount): Promise<{ userId: string }> {
  requireAdmin(actor);
  const parsed = inviteSchema.safeParse(input);
  if (!parsed.success) throw new ApiError(400, "validation_failed", parsed.error.issues[0].message, { field: String(parsed.error.issues[0].path[0] ?? "email") });
  const { email, role } = parsed.data;
  requireOwnerFor(actor, role);
  const already = await asUser(actor, async (tx) => (await listMembers(tx, actor.workspaceId)).some((m) => m.email?.toLowerCase() === email));
  if (already) throw conflict(`${email} is already a member of this workspace.`);
  const { userId } = await account(email);
  await asUser(actor, async (tx) => {
    const inserted = await tx
      .insert(workspaceMembers)
      .values({ workspaceId: actor.workspaceId, userId, role })
      .onConflictDoNothing()
      .returning({ userId: workspaceMembers.userId });
    if (inserted.length === 0) throw conflict(`${email} is already a member of this workspace.`);
    await recordAudit(tx, actor, { action: "member.invited", targetType: "member", targetId: userId, targetName: email, details: { role } });
  });
  return { userId };
}
