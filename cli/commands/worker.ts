import { randomUUID } from "node:crypto";
import { connect, databaseTarget } from "@/lib/db/client";
import type { Db } from "@/lib/db/types";
import { runTick, summarizeTick, type TickReport } from "@/lib/scheduler/tick";
import type { Command } from "../command";
import type { CliIo } from "../io";
import { positiveNumber } from "./tick";

// `junction worker`: the tick in a loop, for self-hosting without Vercel. Run as many as you
// like (on PostgreSQL): schedules are enqueued once per slot and executions are claimed with
// FOR UPDATE SKIP LOCKED and a lease, so no execution runs twice at once. SIGINT/SIGTERM
// stop it gracefully: no new tick starts, the current one finishes its runs (each run
// checkpoints within its own budget), then the database is closed. A second signal exits.

export interface WorkerOptions {
  intervalMs: number;
  concurrency: number;
  /** Stop after this many ticks (tests, one-off catch-up). */
  maxTicks?: number;
  signal?: AbortSignal;
  io: CliIo;
}

export async function runWorker(db: Db, options: WorkerOptions): Promise<number> {
  const owner = `worker:${process.pid}:${randomUUID().slice(0, 8)}`;
  let ticks = 0;
  while (!options.signal?.aborted && (options.maxTicks === undefined || ticks < options.maxTicks)) {
    let report: TickReport | null = null;
    try {
      // A tick's drain ends when the queue is empty; the budget bounds a busy one.
      report = await runTick(db, { budgetMs: Math.max(10_000, options.intervalMs * 6), concurrency: options.concurrency, owner });
      if (report.scheduled || report.requeued || report.retried || report.ran || report.purged) options.io.err(summarizeTick(report));
    } catch (error) {
      options.io.err(`tick failed: ${error instanceof Error ? error.message.slice(0, 200) : "unknown"}`);
    }
    ticks++;
    if (options.maxTicks !== undefined && ticks >= options.maxTicks) break;
    // Busy (it ran something): tick again at once; idle: wait for the interval or a signal.
    if (report && report.ran > 0) continue;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, options.intervalMs);
      function done() {
        clearTimeout(timer);
        options.signal?.removeEventListener("abort", done);
        resolve();
      }
      options.signal?.addEventListener("abort", done, { once: true });
    });
  }
  return ticks;
}

export const workerCommand: Command = {
  name: "worker",
  summary: "Run the scheduler tick in a loop (self-hosting without Vercel Cron) until SIGINT/SIGTERM",
  usage:
    "junction worker [--interval SECONDS] [--concurrency N]\n\n" +
    "  --interval SECONDS  pause between idle ticks (default 5)\n" +
    "  --concurrency N     executions run at once by this worker (default 4)\n" +
    "  --max-ticks N       stop after N ticks\n\n" +
    "Several workers may run at once on PostgreSQL; the embedded database admits one process.",
  options: { interval: { type: "string" }, concurrency: { type: "string" }, "max-ticks": { type: "string" } },
  async run(values, io) {
    const intervalMs = positiveNumber(values.interval, "interval", 5) * 1000;
    const concurrency = Math.floor(positiveNumber(values.concurrency, "concurrency", 4));
    const maxTicks = values["max-ticks"] === undefined ? undefined : Math.floor(positiveNumber(values["max-ticks"], "max-ticks", 1));
    const handle = await connect(databaseTarget());
    const controller = new AbortController();
    const onSignal = (signal: NodeJS.Signals) => {
      if (controller.signal.aborted) {
        io.err(`${signal} again: exiting now.`);
        process.exit(130);
      }
      io.err(`${signal}: stopping after the current tick…`);
      controller.abort();
    };
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
    try {
      io.err(`Worker started on ${handle.location} (tick every ${intervalMs / 1000} s when idle, concurrency ${concurrency}).`);
      const ticks = await runWorker(handle.db, { intervalMs, concurrency, maxTicks, signal: controller.signal, io });
      io.err(`Worker stopped after ${ticks} tick(s).`);
      return 0;
    } finally {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
      await handle.close();
    }
  },
};
