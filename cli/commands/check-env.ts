import { loadEnv, runtimeMode } from "@/lib/env";
import type { Command } from "../command";

export const checkEnvCommand: Command = {
  name: "check-env",
  summary: "Validate the environment variables and say which mode Junction will run in",
  usage: "junction check-env",
  options: {},
  async run(_values, io) {
    const env = loadEnv();
    const mode = runtimeMode(env);
    io.err(
      mode === "embedded"
        ? `Environment OK: embedded mode, database in ${env.JUNCTION_DATA_DIR}/ (PGlite).`
        : `Environment OK: ${mode} mode, database from DATABASE_URL.`,
    );
    return 0;
  },
};
