import { after } from "next/server";
import { getDb } from "@/lib/db/client";
import { drainQueue } from "./drain";

// Start running just-enqueued executions without making the caller wait: after the response
// (Next's after(), which is waitUntil on Vercel). Outside a request there is nothing to wait
// for; the queue keeps the executions and the next tick (or worker) runs them.
export function kickExecutions(ids: string[]): void {
  try {
    after(async () => {
      try {
        await drainQueue(await getDb(), { ids, concurrency: Math.min(ids.length, 4) });
      } catch (error) {
        console.error("[engine] could not start executions now:", error instanceof Error ? error.message.slice(0, 200) : "unknown");
      }
    });
  } catch {
    // Not in a request (a script, a test): the tick picks them up.
  }
}
