// GET, PATCH /api/v1/workspace — the workspace the caller's API key (or session) belongs to
import { apiRoute, json } from "@/lib/api/route";
import { notFound } from "@/lib/api/errors";
import { readJson } from "@/lib/api/request";
import { workspaceUpdateSchema, type WorkspaceResponse } from "@/lib/api/resources/workspace";
import type { Principal } from "@/lib/api/authenticate";
import { countMembers, getWorkspace } from "@/lib/db/queries/workspaces";
import type { Tx } from "@/lib/db/types";
import { updateWorkspaceSettings } from "@/lib/workspaces/update-workspace";

async function present(tx: Tx, principal: Principal): Promise<WorkspaceResponse> {
  const workspace = await getWorkspace(tx, principal.workspaceId);
  if (!workspace) throw notFound("The workspace no longer exists.");
  return {
    id: workspace.id,
    name: workspace.name,
    role: principal.role,
    retention_days: workspace.retentionDays,
    members: await countMembers(tx, workspace.id),
    created_at: workspace.createdAt.toISOString(),
  };
}

export const GET = apiRoute({}, async ({ principal, db }) => json(await db((tx) => present(tx, principal))));

export const PATCH = apiRoute({ minRole: "admin" }, async ({ request, principal, db }) => {
  const input = await readJson(request, workspaceUpdateSchema);
  return json(
    await db(async (tx) => {
      await updateWorkspaceSettings(tx, principal, { name: input.name, retentionDays: input.retention_days });
      return present(tx, principal);
    }),
  );
});
