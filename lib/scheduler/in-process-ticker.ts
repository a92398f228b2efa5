import { getDb } from "@/lib/db/client";
import { isShuttingDown, shutdownSignal, trackWork } from "@/lib/shutdown";
import { runTick } from "./tick";

// Embedded mode has no cron: the server ticks itself. Ticks never overlap, and a failing
// tick is logged and tried again on the next interval. Once the server is stopping, no tick
// starts, the one running claims nothing more, and the shutdown waits for it.

export const TICK_INTERVAL_MS = 5_000;

export function startInProcessTicker(intervalMs = TICK_INTERVAL_MS): () => void {
  let running = false;
  const timer = setInterval(async () => {
    if (running || isShuttingDown()) return;
    running = true;
    try {
      await trackWork(runTick(await getDb(), { budgetMs: Math.max(1_000, intervalMs * 4), signal: shutdownSignal() }));
    } catch (error) {
      console.error("[junction] tick failed:", error instanceof Error ? error.message.slice(0, 200) : "unknown");
    } finally {
      running = false;
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
