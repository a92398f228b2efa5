import type { Db } from "@/lib/db/types";
import { drainQueue, recoverQueue, type DrainReport } from "@/lib/engine/drain";
import { dispatchQueue, emptyDispatchReport, type DispatchReport } from "@/lib/engine/fan-out";
import type { FanOutTarget } from "@/lib/engine/fan-out-target";
import { enqueueDueSchedules } from "./enqueue-due";
import { notifyOpenAlerts } from "@/lib/alerts/notify";
import { purgeExpiredData, type PurgeReport } from "./retention";

// One tick of the hub's clock, in this order:
//   1. due schedules are enqueued (one execution per flow and slot, idempotent);
//   2. executions whose worker was lost and retries that are due go back to the queue;
//   3. the queue is drained within the time budget — or, with fan-out, up to `dispatchLimit`
//      runnable executions are handed to the internal run route, one function each, and the
//      tick returns without waiting for their runs;
//   4. data past retention is purged — at most once an hour per process (or when asked);
//   5. alerts that opened or resolved are sent to the workspace's notification channels.
// Embedded mode runs it in-process every few seconds; elsewhere Vercel Cron (GET
// /api/cron/tick), any cron, `junction tick` or `junction worker` calls it. Any number of
// ticks may run at once: schedules are deduplicated per slot and claims use SKIP LOCKED.

export interface TickReport extends DrainReport, DispatchReport {
  scheduled: number;
  requeued: number;
  retried: number;
  /** What the purge deleted; null when it did not run this tick. */
  purged: PurgeReport | null;
  durationMs: number;
}

export interface TickOptions {
  budgetMs?: number;
  concurrency?: number;
  now?: Date;
  /** "auto" (default): purge when this process has not purged in the last hour. */
  purge?: boolean | "auto";
  owner?: string;
  /** Fan out instead of draining in process (the cron route passes fanOutTarget()); null or unset: drain. */
  fanOut?: FanOutTarget | null;
  /** With fan-out: executions dispatched per tick at most. */
  dispatchLimit?: number;
  /** Once aborted (a server stopping), the drain claims nothing more. */
  signal?: AbortSignal;
}

export const PURGE_INTERVAL_MS = 3_600_000;
let lastPurgeAt = 0;

/** Tests: forget when this process last purged. */
export function resetPurgeClock(): void {
  lastPurgeAt = 0;
}

export async function runTick(db: Db, options: TickOptions = {}): Promise<TickReport> {
  const started = Date.now();
  const budgetMs = options.budgetMs ?? 20_000;
  const { scheduled } = await enqueueDueSchedules(db, options.now ?? new Date());
  const recovered = await recoverQueue(db);
  let drained: DrainReport = { ran: 0, outcomes: {} };
  let dispatch = emptyDispatchReport();
  if (options.fanOut) {
    // Within the tick's budget: calls still waiting for a slot then wait for the next tick.
    dispatch = await dispatchQueue(db, options.fanOut, { limit: options.dispatchLimit, deadline: started + budgetMs });
  } else {
    drained = await drainQueue(db, {
      budgetMs: Math.max(1_000, budgetMs - (Date.now() - started)),
      concurrency: options.concurrency ?? 4,
      owner: options.owner,
      signal: options.signal,
    });
  }
  let purged: PurgeReport | null = null;
  const purge = options.purge ?? "auto";
  if (purge === true || (purge === "auto" && Date.now() - lastPurgeAt >= PURGE_INTERVAL_MS)) {
    lastPurgeAt = Date.now();
    try {
      purged = await purgeExpiredData(db, options.now ?? new Date());
    } catch (error) {
      lastPurgeAt = 0; // try again next tick
      console.error("[scheduler] retention purge failed:", error instanceof Error ? error.message.slice(0, 200) : "unknown");
    }
  }
  // Alerts opened (or resolved) by what just ran go out to the workspace's channels.
  try {
    await notifyOpenAlerts(db);
  } catch (error) {
    console.error("[scheduler] alert notifications failed:", error instanceof Error ? error.message.slice(0, 200) : "unknown");
  }
  return { scheduled, ...recovered, ...drained, ...dispatch, purged, durationMs: Date.now() - started };
}

/** A one-line summary of a tick, for logs and the CLI. */
export function summarizeTick(report: TickReport): string {
  const outcomes = Object.entries(report.outcomes)
    .map(([k, v]) => `${k} ${v}`)
    .join(", ");
  const purged = report.purged
    ? `; purged ${report.purged.executions} execution(s), ${report.purged.webhookEvents} webhook event(s), ` +
      `${report.purged.dedupKeys + report.purged.oauthStates + report.purged.rateLimitBuckets} expired key(s)`
    : "";
  const fannedOut = report.dispatched + report.declined + report.dispatchFailed;
  const dispatched = fannedOut
    ? `, dispatched ${report.dispatched}` +
      (report.declined ? ` (${report.declined} already taken)` : "") +
      (report.dispatchFailed ? `, ${report.dispatchFailed} dispatch(es) failed and stay queued` : "")
    : "";
  return (
    `scheduled ${report.scheduled}, re-queued ${report.requeued}, retries due ${report.retried}, ` +
    `ran ${report.ran}${outcomes ? ` (${outcomes})` : ""}${dispatched}${purged} in ${report.durationMs} ms`
  );
}
