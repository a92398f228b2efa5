import { after } from "next/server";
import { getDb } from "@/lib/db/client";
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

let draining: Promise<void> | null = null;
let again = false;
const stopping = new AbortController();

function drainSoon(): Promise<void> {
  if (stopping.signal.aborted) return Promise.resolve();
  if (draining) {
    again = true;
    return draining;
  }
  draining = (async () => {
    try {
      do {
        again = false;
        await drainQueue(await getDb(), { concurrency: 4, budgetMs: 30_000, signal: stopping.signal });
      } while (again && !stopping.signal.aborted);
    } catch (error) {
      console.error("[engine] could not start executions now:", error instanceof Error ? error.message.slice(0, 200) : "unknown");
    } finally {
      draining = null;
    }
  })();
  return draining;
}

async function dispatchSoon(ids: string[], target: NonNullable<ReturnType<typeof fanOutTarget>>): Promise<void> {
  try {
    await dispatchExecutions(ids, target);
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

/**
 * For a server shutting down: kicks start nothing more, and runs this process started finish
 * — within `graceMs`; any still going then keep their lease, and the tick re-queues them once
 * it expires, as after a crash.
 */
export async function stopKicks(graceMs: number): Promise<void> {
  stopping.abort();
  if (!draining) return;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([draining, new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)))]);
  clearTimeout(timer);
}
