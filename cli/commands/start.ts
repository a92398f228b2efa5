import { existsSync } from "node:fs";
import { join } from "node:path";
import { closeDatabase } from "@/lib/db/client";
import { beginShutdown, settleWork, untilDeadline } from "@/lib/shutdown";
import type { Command } from "../command";
import { UsageError } from "../io";

// `junction start` (what `npm start` runs): the production server — Next's handler for the
// app, and webhook deliveries answered straight from Node (lib/server/production-server.ts).
// SIGINT/SIGTERM stop it, within STOP_GRACE_MS: background work (kicks, the embedded ticker)
// claims nothing more at once; the server takes no new connection and lets requests in flight
// finish; the runs already started finish (any still going keep their lease and are recovered
// like a crash's); the database closes and the process exits. A second signal exits at once.
const STOP_GRACE_MS = 15_000;

const EXIT_CODES: Record<string, number> = { SIGINT: 130, SIGTERM: 143 };

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
    let server: Awaited<ReturnType<typeof startProductionServer>>;
    try {
      server = await startProductionServer({ hostname, port: listenPort });
    } catch (error) {
      io.err(`junction start: could not start: ${error instanceof Error ? error.message : String(error)}`);
      // Whatever Next had begun (the embedded database, its ticker) ends with the process.
      await closeDatabase().catch(() => {});
      process.exit(1);
    }
    io.err(`Junction is ready on ${server.url}`);
    const signal = await new Promise<NodeJS.Signals>((resolve) => {
      process.once("SIGINT", resolve);
      process.once("SIGTERM", resolve);
    });
    process.removeAllListeners("SIGINT").removeAllListeners("SIGTERM");
    const now = (again: NodeJS.Signals) => process.exit(EXIT_CODES[again] ?? 1);
    process.once("SIGINT", now).once("SIGTERM", now);
    io.err(`${signal}: stopping…`);
    const deadline = Date.now() + STOP_GRACE_MS;
    beginShutdown();
    await untilDeadline(server.close(), deadline);
    const settled = await settleWork(deadline);
    if (!settled) io.err("Runs still going were left to be recovered when their lease expires.");
    await closeDatabase().catch(() => {});
    io.err("Stopped.");
    // Next and the database driver may leave timers behind; the server is done.
    process.exit(0);
  },
};
