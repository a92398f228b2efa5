import { after } from "next/server";
import { getDb } from "@/lib/db/client";
import type { Db } from "@/lib/db/types";
import { isShuttingDown, shutdownSignal, trackWork } from "@/lib/shutdown";
import { deliveriesBeingStored } from "@/lib/webhooks/store-events";
import { drainQueue } from "./drain";
import { dispatchExecutions } from "./fan-out";
import { fanOutTarget } from "./fan-out-target";

// Start running just-enqueued executions without making the caller wait: after the response
// (Next's after(), which is waitUntil on Vercel). Kicks coalesce: while this process is
// draining, a new kick joins that drain instead of starting another (under a webhook load,
// one drain per request would compete with the requests themselves). Outside a request there
// is nothing to wait for; the queue keeps the executions and the next tick (or worker) runs them.
// With fan-out on (JUNCTION_FANOUT=on), the kick runs nothing here: after the response it
// hands exactly these executions to the internal run route, each to a function of its own.
// Once the server is stopping (lib/shutdown.ts) kicks start nothing, drains claim nothing
// more, and the shutdown waits for what they are running.

// While more webhook deliveries than this are being stored at once, the database is this
// process's bottleneck: its drain starts one run at a time, so that answering senders comes
// before running what they sent. The queue keeps the rest, and the drain widens again when
// the burst is over (bench/README.md, "Webhook ingest"). Deliveries still being uploaded do
// not count, and neither do runs waiting on other services: those do not load the database.
export const BUSY_STORING = 4;

/** True while this process's runs should make way for the webhook deliveries it is storing. */
export function runsShouldWait(db: Db): boolean {
  return deliveriesBeingStored(db) > BUSY_STORING;
}

let draining: Promise<void> | null = null;
let again = false;

function drainSoon(): Promise<void> {
  if (isShuttingDown()) return Promise.resolve();
  if (draining) {
    again = true;
    return draining;
  }
  draining = trackWork((async () => {
    try {
      do {
        again = false;
        const db = await getDb();
        await drainQueue(db, { concurrency: 4, budgetMs: 30_000, signal: shutdownSignal(), holdBack: () => runsShouldWait(db) });
      } while (again && !isShuttingDown());
    } catch (error) {
      console.error("[engine] could not start executions now:", error instanceof Error ? error.message.slice(0, 200) : "unknown");
    } finally {
      draining = null;
    }
  })());
  return draining;
}

async function dispatchSoon(ids: string[], target: NonNullable<ReturnType<typeof fanOutTarget>>): Promise<void> {
  if (isShuttingDown()) return;
  try {
    await trackWork(dispatchExecutions(ids, target));
  } catch (error) {
    console.error("[engine] could not dispatch executions now:", error instanceof Error ? error.message.slice(0, 200) : "unknown");
  }
}

/** Runs work after the answer has been sent. */
export type Defer = (task: () => Promise<void>) => void;

/**
 * Starts the executions soon without delaying the answer: through Next's after() by default
 * (waitUntil on Vercel), or the caller's own `defer` outside a Next request.
 */
export function kickExecutions(ids: string[], defer: Defer = after): void {
  if (ids.length === 0) return;
  try {
    const target = fanOutTarget();
    defer(target ? () => dispatchSoon(ids, target) : drainSoon);
  } catch {
    // Not in a request (a script, a test): the tick picks them up.
  }
}
