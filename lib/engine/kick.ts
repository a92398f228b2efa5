import { after } from "next/server";
import { getDb } from "@/lib/db/client";
import { drainQueue } from "./drain";

// Start running just-enqueued executions without making the caller wait: after the response
// (Next's after(), which is waitUntil on Vercel), or right away outside a request.
export function kickExecutions(ids: string[]): void {
  const work = async () => {
    try {
      await drainQueue(await getDb(), { ids, concurrency: Math.min(ids.length, 4) });
    } catch (error) {
      // The queue keeps the execution; the next tick runs it.
      console.error("[engine] could not start executions now:", error instanceof Error ? error.name : "unknown");
    }
  };
  try {
    after(work);
  } catch {
    void work();
  }
}
