import fs from "node:fs";
import { ApiError } from "@/lib/api/errors";
import type { Actor } from "@/lib/auth/types";
import { findWorkspaces, firstOwner, listAllWorkspaces } from "@/lib/db/queries/workspaces";
import { connect, databaseTarget, installDatabase } from "@/lib/db/client";
import { createFlow, getFlow } from "@/lib/flows/flow-store";
import { exportFlow } from "@/lib/flows/present-flow";
import type { Db } from "@/lib/db/types";
import type { Command } from "../command";
import { UsageError } from "../io";

async function ownerActor(db: Db, workspace: string | undefined): Promise<Actor> {
  const candidates = workspace ? await findWorkspaces(db, workspace) : await listAllWorkspaces(db);
  if (candidates.length === 0) throw new UsageError(workspace ? `no workspace has the id or name "${workspace}"` : "there is no workspace yet");
  if (candidates.length > 1) {
    throw new UsageError(`choose a workspace with --workspace:\n${candidates.map((w) => `  ${w.id}  ${w.name}`).join("\n")}`);
  }
  const owner = await firstOwner(db, candidates[0].id);
  if (!owner) throw new UsageError(`workspace "${candidates[0].name}" has no owner`);
  return { workspaceId: candidates[0].id, userId: owner, email: null, role: "owner" };
}

async function withDatabase<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  const handle = await connect(databaseTarget());
  installDatabase(handle);
  try {
    return await fn(handle.db);
  } finally {
    await handle.close();
  }
}

export const flowsImportCommand: Command = {
  name: "flows import",
  summary: "Create a flow from an exported JSON file; prints its id",
  usage: "junction flows import FILE [--workspace ID_OR_NAME]\n\n  FILE is a flow as `junction flows export` writes it (- for standard input).",
  options: { workspace: { type: "string" } },
  positionals: 1,
  async run(values, io, [file]) {
    if (!file) throw new UsageError("FILE is required");
    let document: unknown;
    try {
      document = JSON.parse(fs.readFileSync(file === "-" ? 0 : file, "utf8"));
    } catch (error) {
      throw new UsageError(`cannot read ${file} as JSON: ${(error as Error).message}`);
    }
    return withDatabase(async (db) => {
      const actor = await ownerActor(db, typeof values.workspace === "string" ? values.workspace : undefined);
      try {
        const saved = await createFlow(actor, document);
        io.err(`Imported flow "${saved.row.name}" (version ${saved.row.version}, ${saved.row.isActive ? "active" : "inactive"}).`);
        io.out(saved.row.id);
        return 0;
      } catch (error) {
        if (error instanceof ApiError) throw new UsageError(`the file is not a valid flow: ${error.message}`);
        throw error;
      }
    });
  },
};

export const flowsExportCommand: Command = {
  name: "flows export",
  summary: "Print a flow as portable JSON",
  usage: "junction flows export FLOW_ID",
  options: {},
  positionals: 1,
  async run(_values, io, [id]) {
    if (!id || !/^[0-9a-f-]{36}$/i.test(id)) throw new UsageError("FLOW_ID (a flow's id) is required");
    const flowId = id;
    return withDatabase(async (db) => {
      const { workspaceId } = (await db.query.flows.findFirst({ where: (f, { eq }) => eq(f.id, flowId) })) ?? {};
      if (!workspaceId) throw new UsageError(`no flow has the id ${flowId}`);
      const actor = await ownerActor(db, workspaceId);
      const { row, definition } = await getFlow(actor, flowId);
      io.out(JSON.stringify(exportFlow(definition, row.isActive), null, 2));
      return 0;
    });
  },
};
