import { connect, databaseTarget } from "@/lib/db/client";
import { runTick, summarizeTick } from "@/lib/scheduler/tick";
import type { Command } from "../command";
import { UsageError } from "../io";

export function positiveNumber(value: unknown, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (typeof value !== "string" || !Number.isFinite(n) || n <= 0) throw new UsageError(`--${name} must be a positive number`);
  return n;
}

export const tickCommand: Command = {
  name: "tick",
  summary: "Run one scheduler tick (enqueue due schedules, recover, drain the queue, purge) and print what it did",
  usage:
    "junction tick [--budget SECONDS] [--concurrency N] [--json]\n\n" +
    "  --budget SECONDS  stop claiming queued executions after this long (default 50)\n" +
    "  --concurrency N   executions run at once (default 4)\n" +
    "  --json            print the report as JSON on stdout",
  options: { budget: { type: "string" }, concurrency: { type: "string" }, json: { type: "boolean" } },
  async run(values, io) {
    const budgetMs = positiveNumber(values.budget, "budget", 50) * 1000;
    const concurrency = Math.floor(positiveNumber(values.concurrency, "concurrency", 4));
    const handle = await connect(databaseTarget());
    try {
      const report = await runTick(handle.db, { budgetMs, concurrency, purge: true });
      io.out(values.json ? JSON.stringify(report) : summarizeTick(report));
      return 0;
    } finally {
      await handle.close();
    }
  },
};
