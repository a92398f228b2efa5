import type { Db } from "@/lib/db/types";
import { drainQueue, recoverQueue, type DrainReport } from "@/lib/engine/drain";

// One tick of the hub's clock: executions whose worker was lost and retries that are due go
// back to the queue, then the queue is drained within the time budget. Embedded mode runs it
// in-process every few seconds; elsewhere a cron (or `junction worker`) calls it.

export interface TickReport extends DrainReport {
  requeued: number;
  retried: number;
}

export async function runTick(db: Db, options: { budgetMs?: number; concurrency?: number } = {}): Promise<TickReport> {
  const recovered = await recoverQueue(db);
  const drained = await drainQueue(db, { budgetMs: options.budgetMs ?? 20_000, concurrency: options.concurrency ?? 4 });
  return { ...recovered, ...drained };
}
