import { z } from "zod";
import { connect, databaseTarget } from "@/lib/db/client";
import { createApiKey } from "@/lib/db/queries/api-keys";
import { LOCAL_OWNER_ID, ensureAuthUser, LOCAL_OWNER_EMAIL } from "@/lib/db/queries/users";
import { ensurePersonalWorkspace, findWorkspaces, firstOwner, listAllWorkspaces } from "@/lib/db/queries/workspaces";
import type { Db } from "@/lib/db/types";
import { isSupabaseAuthConfigured } from "@/lib/env";
import { requireString, type Command } from "../command";
import { UsageError } from "../io";

const nameSchema = z.string().min(1).max(100);

async function chooseWorkspace(db: Db, wanted: string | undefined): Promise<{ id: string; name: string }> {
  if (wanted) {
    const matches = await findWorkspaces(db, wanted);
    if (matches.length === 0) throw new UsageError(`no workspace has the id or name "${wanted}"`);
    if (matches.length > 1) {
      throw new UsageError(
        `several workspaces are named "${wanted}"; pass one of their ids: ${matches.map((w) => w.id).join(", ")}`,
      );
    }
    return matches[0];
  }
  if (!isSupabaseAuthConfigured()) {
    // Embedded mode: the local owner's workspace, made on the spot for a fresh database.
    await ensureAuthUser(db, { id: LOCAL_OWNER_ID, email: LOCAL_OWNER_EMAIL });
    await ensurePersonalWorkspace(db, { id: LOCAL_OWNER_ID, email: null });
  }
  const all = await listAllWorkspaces(db);
  if (all.length === 1) return all[0];
  if (all.length === 0) throw new UsageError("there is no workspace yet; create one with `junction workspace create`");
  throw new UsageError(
    `there are ${all.length} workspaces; choose one with --workspace:\n` +
      all.map((w) => `  ${w.id}  ${w.name}`).join("\n"),
  );
}

export const apiKeyCreateCommand: Command = {
  name: "api-key create",
  summary: "Create a workspace API key; prints the key (shown only this once)",
  usage:
    "junction api-key create --name NAME [--workspace ID_OR_NAME]\n\n" +
    "  --name NAME                 what the key is for (1–100 characters)\n" +
    "  --workspace ID_OR_NAME      the workspace (may be left out when there is only one)",
  options: { name: { type: "string" }, workspace: { type: "string" } },
  async run(values, io) {
    const name = requireString(values, "name");
    if (!nameSchema.safeParse(name).success) throw new UsageError("--name must be 1 to 100 characters");
    const handle = await connect(databaseTarget());
    try {
      const workspace = await chooseWorkspace(
        handle.db,
        typeof values.workspace === "string" ? values.workspace : undefined,
      );
      // A key acts as a member of its workspace; from the CLI that is the workspace's owner.
      const owner = await firstOwner(handle.db, workspace.id);
      if (!owner) throw new UsageError(`workspace "${workspace.name}" has no owner to create the key for`);
      const { key, prefix } = await createApiKey(handle.db, { workspaceId: workspace.id, name, createdBy: owner });
      io.err(`Created API key "${name}" (${prefix}…) for workspace "${workspace.name}". It is shown only this once.`);
      io.out(key);
      return 0;
    } finally {
      await handle.close();
    }
  },
};
