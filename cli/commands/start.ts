import { existsSync } from "node:fs";
import { join } from "node:path";
import { closeDatabase } from "@/lib/db/client";
import { stopKicks } from "@/lib/engine/kick";
import type { Command } from "../command";
import { UsageError } from "../io";

// `junction start` (what `npm start` runs): the production server — Next's handler for the
// app, and webhook deliveries answered straight from Node (lib/server/production-server.ts).
// SIGINT/SIGTERM stop it: no new connections, requests in flight finish, runs the listener
// started finish (10 s at most; later ones are recovered like a crash's), the database closes.
const RUNS_GRACE_MS = 10_000;

function port(value: string | undefined): number {
  const text = value ?? process.env.PORT ?? "3000";
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < 0 || n > 65_535) throw new UsageError(`--port must be a port number (0–65535), not "${text}"`);
  return n;
}

export const startCommand: Command = {
  name: "start",
  summary: "Run the production server (after `npm run build`) until SIGINT/SIGTERM",
  usage:
    "junction start [--hostname HOST] [--port PORT]\n\n" +
    "  --hostname HOST  address to listen on (default $HOST, else 127.0.0.1)\n" +
    "  --port PORT      port to listen on (default $PORT, else 3000)",
  options: { hostname: { type: "string" }, port: { type: "string" } },
  async run(values, io) {
    const hostname = (typeof values.hostname === "string" ? values.hostname : process.env.HOST) || "127.0.0.1";
    const listenPort = port(typeof values.port === "string" ? values.port : undefined);
    if (!existsSync(join(process.cwd(), ".next", "BUILD_ID"))) {
      io.err("junction start: there is no production build (.next/BUILD_ID is missing): run `npm run build` first.");
      return 1;
    }
    // Next reads NODE_ENV when it loads; a production server is a production build's server.
    (process.env as Record<string, string>).NODE_ENV = "production";
    const { startProductionServer } = await import("@/lib/server/production-server");
    const server = await startProductionServer({ hostname, port: listenPort });
    io.err(`Junction is ready on ${server.url}`);
    const signal = await new Promise<NodeJS.Signals>((resolve) => {
      process.once("SIGINT", () => resolve("SIGINT"));
      process.once("SIGTERM", () => resolve("SIGTERM"));
    });
    io.err(`${signal}: stopping…`);
    process.once(signal, () => process.exit(130));
    await server.close();
    await stopKicks(RUNS_GRACE_MS);
    await closeDatabase();
    return 0;
  },
};
