import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { isSupabaseAuthConfigured } from "@/lib/env";
import { LOCAL_OWNER_EMAIL, LOCAL_OWNER_ID, ensureAuthUser } from "@/lib/db/queries/users";
import { ensurePersonalWorkspace, listMemberships } from "@/lib/db/queries/workspaces";
import { asSystem, withUser } from "@/lib/db/scope";
import { createSupabaseServerClient } from "./supabase/server";
import type { Session, SessionUser, WorkspaceSummary } from "./types";

export const WORKSPACE_COOKIE = "junction_workspace";

// Users whose personal workspace is known to exist in this process: saves a write per request.
// Only an optimisation; ensurePersonalWorkspace is idempotent, so another instance repeats it safely.
const ensured = new Set<string>();

async function ensureUserSetUp(user: SessionUser, local: boolean): Promise<void> {
  if (ensured.has(user.id)) return;
  await asSystem(async (db) => {
    if (local) await ensureAuthUser(db, { id: user.id, email: LOCAL_OWNER_EMAIL });
    await ensurePersonalWorkspace(db, { id: user.id, email: local ? null : user.email });
  });
  ensured.add(user.id);
}

/** Who is signed in, from Supabase Auth or — without Supabase — the single local owner. */
export async function currentUser(): Promise<{ user: SessionUser; mode: Session["mode"] } | null> {
  if (!isSupabaseAuthConfigured()) {
    return { user: { id: LOCAL_OWNER_ID, email: null }, mode: "local" };
  }
  const supabase = await createSupabaseServerClient();
  // The same check as the proxy and the sign-in page, so they never disagree and loop.
  const { data } = await supabase.auth.getClaims();
  const claims = data?.claims;
  if (!claims?.sub) return null;
  return { user: { id: claims.sub, email: typeof claims.email === "string" ? claims.email : null }, mode: "supabase" };
}

export function pickWorkspace(workspaces: WorkspaceSummary[], preferredId: string | undefined): WorkspaceSummary | null {
  return workspaces.find((w) => w.id === preferredId) ?? workspaces[0] ?? null;
}

export async function getSession(): Promise<Session | null> {
  const who = await currentUser();
  if (!who) return null;
  await ensureUserSetUp(who.user, who.mode === "local");
  const workspaces = await withUser({ userId: who.user.id, email: who.user.email }, (tx) =>
    listMemberships(tx, who.user.id),
  );
  const preferred = (await cookies()).get(WORKSPACE_COOKIE)?.value;
  const workspace = pickWorkspace(workspaces, preferred);
  if (!workspace) {
    // Every user has a personal workspace; reaching this means it was just deleted.
    ensured.delete(who.user.id);
    return null;
  }
  return { mode: who.mode, user: who.user, workspace, workspaces };
}

/** For pages and actions of the hub: the session, or a redirect to sign-in. */
export async function requireSession(): Promise<Session> {
  const session = await getSession();
  if (!session) redirect("/sign-in");
  return session;
}
