// The shapes every page, action and handler sees of "who is asking". Only lib/auth knows
// whether they came from Supabase Auth or from the embedded local owner.

export const ROLES = ["owner", "admin", "member", "viewer"] as const;
export type Role = (typeof ROLES)[number];

/** Higher rank may do everything a lower rank may. */
export const ROLE_RANK: Record<Role, number> = { viewer: 0, member: 1, admin: 2, owner: 3 };

export function roleAtLeast(role: Role, minimum: Role): boolean {
  return ROLE_RANK[role] >= ROLE_RANK[minimum];
}

export type AuthMode = "local" | "supabase";

export interface SessionUser {
  id: string;
  email: string | null;
}

export interface WorkspaceSummary {
  id: string;
  name: string;
  role: Role;
}

export interface Session {
  mode: AuthMode;
  user: SessionUser;
  /** The workspace the user is working in now (cookie `junction_workspace`, else the first). */
  workspace: WorkspaceSummary;
  /** Every workspace the user belongs to, for the switcher. */
  workspaces: WorkspaceSummary[];
}

/** Who is acting on a workspace, whether through the API (a key) or a page (a session). */
export interface Actor {
  workspaceId: string;
  userId: string;
  email: string | null;
  role: Role;
}

export function actorOf(session: Session): Actor {
  return { workspaceId: session.workspace.id, userId: session.user.id, email: session.user.email, role: session.workspace.role };
}
