import { databaseTarget, migrateTarget } from "@/lib/db/client";
import type { Command } from "../command";

export const migrateCommand: Command = {
  name: "migrate",
  summary: "Apply pending database migrations (a no-op when there are none)",
  usage: "junction migrate",
  options: {},
  async run(_values, io) {
    const target = databaseTarget();
    const { applied } = await migrateTarget(target);
    for (const tag of applied) io.err(`applied ${tag}`);
    io.err(applied.length ? `Applied ${applied.length} migration(s).` : "The database is up to date.");
    return 0;
  },
};
