import { createClient } from "@supabase/supabase-js";
import { ApiError } from "@/lib/api/errors";
import { findUserByEmail } from "@/lib/db/queries/users";
import { asSystem } from "@/lib/db/scope";
import { isSupabaseAuthConfigured, loadEnv, type Env } from "@/lib/env";

// Inviting people by email goes through Supabase Auth's admin API, which needs the project's
// secret (service role) key on the server. Someone who already has an account is added
// without an email: they see the workspace in the switcher at their next sign-in.

export type InviteAvailability = "ready" | "needs_secret_key" | "local_mode";

export function inviteAvailability(env: Env = loadEnv()): InviteAvailability {
  if (!isSupabaseAuthConfigured(env)) return "local_mode";
  return env.SUPABASE_SECRET_KEY ? "ready" : "needs_secret_key";
}

export const INVITE_UNAVAILABLE: Record<Exclude<InviteAvailability, "ready">, string> = {
  local_mode:
    "Invitations need Supabase Auth. This server runs in local mode: one local owner, no sign-in. Set NEXT_PUBLIC_SUPABASE_URL, NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY and SUPABASE_SECRET_KEY to let several people sign in and share workspaces.",
  needs_secret_key:
    "Invitations are sent by Supabase Auth's admin API: set SUPABASE_SECRET_KEY (the project's secret key) on the server to invite people by email.",
};

/** The account for `email`: an existing one, or a new one Supabase sends an invitation to. */
export async function inviteWithSupabase(email: string, redirectTo: string, env: Env = loadEnv()): Promise<{ userId: string }> {
  const availability = inviteAvailability(env);
  if (availability !== "ready") throw new ApiError(409, "invitations_unavailable", INVITE_UNAVAILABLE[availability]);
  const existing = await asSystem((db) => findUserByEmail(db, email));
  if (existing) return { userId: existing.id };
  const admin = createClient(env.NEXT_PUBLIC_SUPABASE_URL as string, env.SUPABASE_SECRET_KEY as string, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
  });
  const { data, error } = await admin.auth.admin.inviteUserByEmail(email, { redirectTo });
  if (error || !data.user) {
    throw new ApiError(502, "invite_failed", `Supabase did not send the invitation: ${error?.message ?? "no user came back"}.`);
  }
  return { userId: data.user.id };
}
