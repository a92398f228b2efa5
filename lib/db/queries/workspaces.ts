import { and, asc, eq, sql } from "drizzle-orm";
import type { Role, WorkspaceSummary } from "@/lib/auth/types";
import { workspaceMembers, workspaces } from "../schema";
import { queryRows, type Db, type Queryable } from "../types";

export type WorkspaceRow = typeof workspaces.$inferSelect;

/** Creates a workspace and its first owner together (system: RLS has no insert policy for workspaces). */
export async function createWorkspace(
  db: Db,
  input: { name: string; ownerId: string; personal?: boolean },
): Promise<WorkspaceRow> {
  return db.transaction(async (tx) => {
    const [workspace] = await tx
      .insert(workspaces)
      .values({ name: input.name, createdBy: input.ownerId, personalFor: input.personal ? input.ownerId : null })
      .returning();
    await tx.insert(workspaceMembers).values({ workspaceId: workspace.id, userId: input.ownerId, role: "owner" });
    return workspace;
  });
}

/** The user's personal workspace, created on first sign-in; safe against two first requests at once. */
export async function ensurePersonalWorkspace(db: Db, user: { id: string; email: string | null }): Promise<void> {
  const name = user.email ? `${user.email.split("@")[0]}'s workspace` : "My workspace";
  await db.transaction(async (tx) => {
    const inserted = await tx
      .insert(workspaces)
      .values({ name: name.slice(0, 100), createdBy: user.id, personalFor: user.id })
      .onConflictDoNothing({ target: workspaces.personalFor })
      .returning({ id: workspaces.id });
    if (inserted[0]) {
      await tx.insert(workspaceMembers).values({ workspaceId: inserted[0].id, userId: user.id, role: "owner" });
    }
  });
}

/** Workspaces the user belongs to, oldest first (the personal one leads). */
export async function listMemberships(q: Queryable, userId: string): Promise<WorkspaceSummary[]> {
  const rows = await q
    .select({ id: workspaces.id, name: workspaces.name, role: workspaceMembers.role })
    .from(workspaceMembers)
    .innerJoin(workspaces, eq(workspaces.id, workspaceMembers.workspaceId))
    .where(eq(workspaceMembers.userId, userId))
    .orderBy(asc(workspaces.createdAt), asc(workspaces.id));
  return rows.map((r) => ({ id: r.id, name: r.name, role: r.role as Role }));
}

export async function getMembership(q: Queryable, workspaceId: string, userId: string): Promise<Role | null> {
  const [row] = await q
    .select({ role: workspaceMembers.role })
    .from(workspaceMembers)
    .where(and(eq(workspaceMembers.workspaceId, workspaceId), eq(workspaceMembers.userId, userId)));
  return (row?.role as Role | undefined) ?? null;
}

export async function getWorkspace(q: Queryable, workspaceId: string): Promise<WorkspaceRow | null> {
  const [row] = await q.select().from(workspaces).where(eq(workspaces.id, workspaceId));
  return row ?? null;
}

export async function findWorkspaces(q: Queryable, idOrName: string): Promise<WorkspaceRow[]> {
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrName);
  return q
    .select()
    .from(workspaces)
    .where(isUuid ? eq(workspaces.id, idOrName) : sql`lower(${workspaces.name}) = lower(${idOrName})`)
    .orderBy(asc(workspaces.createdAt));
}

export async function listAllWorkspaces(q: Queryable): Promise<WorkspaceRow[]> {
  return q.select().from(workspaces).orderBy(asc(workspaces.createdAt));
}

export async function firstOwner(q: Queryable, workspaceId: string): Promise<string | null> {
  const [row] = await q
    .select({ userId: workspaceMembers.userId })
    .from(workspaceMembers)
    .where(and(eq(workspaceMembers.workspaceId, workspaceId), eq(workspaceMembers.role, "owner")))
    .orderBy(asc(workspaceMembers.createdAt))
    .limit(1);
  return row?.userId ?? null;
}

export async function countMembers(q: Queryable, workspaceId: string): Promise<number> {
  const [row] = await q
    .select({ n: sql<number>`count(*)::int` })
    .from(workspaceMembers)
    .where(eq(workspaceMembers.workspaceId, workspaceId));
  return row?.n ?? 0;
}

export type MemberRow = { userId: string; email: string | null; role: Role; createdAt: Date };

/** Workspaces the user belongs to, oldest first (the personal one leads). */
export async function listMembers(q: Queryable, workspaceId: string): Promise<MemberRow[]> {
  const rows = await queryRows<{ userId: string; role: Role; createdAt: string | Date; email: string | null }>(
    q,
    sql`select m.user_id::text as "userId", m.role, m.created_at as "createdAt", e.email
          from public.workspace_members m
          left join junction.workspace_member_emails(${workspaceId}::uuid) e on e.user_id = m.user_id
         where m.workspace_id = ${workspaceId}
         order by m.created_at, m.user_id`,
  );
  return rows.map((r) => ({ ...r, createdAt: new Date(r.createdAt) }));
}
