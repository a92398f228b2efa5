"use server";

import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireSession, WORKSPACE_COOKIE } from "@/lib/auth/session";

const switchWorkspaceSchema = z.string().uuid();

/** Makes another of the user's workspaces the current one (remembered in a cookie). */
export async function switchWorkspace(workspaceId: string): Promise<{ ok: boolean; error?: string }> {
  const parsed = switchWorkspaceSchema.safeParse(workspaceId);
  if (!parsed.success) return { ok: false, error: "Unknown workspace." };
  const session = await requireSession();
  if (!session.workspaces.some((w) => w.id === parsed.data)) {
    return { ok: false, error: "You are not a member of that workspace." };
  }
  (await cookies()).set(WORKSPACE_COOKIE, parsed.data, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    maxAge: 60 * 60 * 24 * 365,
  });
  revalidatePath("/", "layout");
  return { ok: true };
}
