import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/types";
import { loadEnv } from "@/lib/env";
import { claimExecutions, releaseDueRetries, requeueExpiredLeases } from "./queue";
import { DEFAULT_BUDGET_MS, runExecution, type RunOutcome } from "./run-execution";

// The in-process worker loop used by embedded mode, `junction worker` and the tick: claim
// queued executions and run them, a few at a time, until the queue is empty or the time
// budget is spent. Any number of these may run at once, in any number of processes.

export interface DrainOptions {
  owner?: string;
  concurrency?: number;
  /** Stop claiming after this long; runs already started get their own budget. */
  budgetMs?: number;
  /** Each run's own budget before it checkpoints. */
  runBudgetMs?: number;
  /** How long a claim (and each renewal) holds an execution; default 90 s. */
  leaseMs?: number;
  /** Only these executions (e.g. the one just enqueued). */
  ids?: string[];
  clock?: () => number;
  /** Once aborted, no more executions are claimed; runs already started finish. */
  signal?: AbortSignal;
  /**
   * While this answers true, only one run at a time is started: the other workers wait
   * (checking every HOLD_BACK_MS) instead of claiming. The web server passes "many webhook
   * deliveries are being stored" (lib/engine/kick.ts), so that its own runs make way for
   * answering them.
   */
  holdBack?: () => boolean;
}

export const HOLD_BACK_MS = 10;

export interface DrainReport {
  ran: number;
  outcomes: Partial<Record<RunOutcome, number>>;
}

export async function drainQueue(db: Db, options: DrainOptions = {}): Promise<DrainReport> {
  const owner = options.owner ?? `worker:${process.pid}:${randomUUID().slice(0, 8)}`;
  const clock = options.clock ?? Date.now;
  const deadline = clock() + (options.budgetMs ?? DEFAULT_BUDGET_MS);
  const report: DrainReport = { ran: 0, outcomes: {} };

  let empty = false;
  const worker = async (index: number) => {
    while (clock() < deadline && !options.signal?.aborted && !empty) {
      if (index > 0 && options.holdBack?.()) {
        await new Promise((resolve) => setTimeout(resolve, HOLD_BACK_MS));
        continue;
      }
      const [execution] = await claimExecutions(db, { owner, limit: 1, ids: options.ids, leaseMs: options.leaseMs });
      if (!execution) {
        empty = true;
        return;
      }
      const outcome = await runExecution(db, execution, {
        owner,
        budgetMs: Math.min(options.runBudgetMs ?? loadEnv().JUNCTION_RUN_BUDGET_MS, Math.max(1000, deadline - clock())),
        clock,
        leaseMs: options.leaseMs,
      });
      report.ran++;
      report.outcomes[outcome] = (report.outcomes[outcome] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 4 }, (_, index) => worker(index)));
  return report;
}

/** Housekeeping before draining: lost workers' executions and due retries back to the queue. */
export async function recoverQueue(db: Db): Promise<{ requeued: number; retried: number }> {
  return { requeued: await requeueExpiredLeases(db), retried: await releaseDueRetries(db) };
}
