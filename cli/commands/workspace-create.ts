import { z } from "zod";
import { connect, databaseTarget } from "@/lib/db/client";
import { LOCAL_OWNER_EMAIL, LOCAL_OWNER_ID, ensureAuthUser, findUserByEmail } from "@/lib/db/queries/users";
import { createWorkspace } from "@/lib/db/queries/workspaces";
import { isSupabaseAuthConfigured } from "@/lib/env";
import { requireString, type Command } from "../command";
import { UsageError } from "../io";

const nameSchema = z.string().min(1).max(100);

export const workspaceCreateCommand: Command = {
  name: "workspace create",
  summary: "Create a workspace; prints its id",
  usage:
    "junction workspace create --name NAME [--owner EMAIL]\n\n" +
    "  --name NAME     the workspace's name (1–100 characters)\n" +
    "  --owner EMAIL   the signed-up user who owns it (required with Supabase Auth;\n" +
    "                  without it, the local owner)",
  options: { name: { type: "string" }, owner: { type: "string" } },
  async run(values, io) {
    const name = requireString(values, "name");
    if (!nameSchema.safeParse(name).success) throw new UsageError("--name must be 1 to 100 characters");
    const handle = await connect(databaseTarget());
    try {
      let ownerId: string;
      if (typeof values.owner === "string") {
        const user = await findUserByEmail(handle.db, values.owner);
        if (!user) throw new UsageError(`no user with the email ${values.owner} has signed up`);
        ownerId = user.id;
      } else if (isSupabaseAuthConfigured()) {
        throw new UsageError("--owner EMAIL is required when Supabase Auth is configured");
      } else {
        await ensureAuthUser(handle.db, { id: LOCAL_OWNER_ID, email: LOCAL_OWNER_EMAIL });
        ownerId = LOCAL_OWNER_ID;
      }
      const workspace = await createWorkspace(handle.db, { name, ownerId });
      io.err(`Created workspace "${workspace.name}".`);
      io.out(workspace.id);
      return 0;
    } finally {
      await handle.close();
    }
  },
};
