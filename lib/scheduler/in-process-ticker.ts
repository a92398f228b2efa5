import { getDb } from "@/lib/db/client";
import { runTick } from "./tick";

// Embedded mode has no cron: the server ticks itself. Ticks never overlap, and a failing
// tick is logged and tried again on the next interval.

export const TICK_INTERVAL_MS = 5_000;

export function startInProcessTicker(intervalMs = TICK_INTERVAL_MS): () => void {
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      await runTick(await getDb(), { budgetMs: Math.max(1_000, intervalMs * 4) });
    } catch (error) {
      console.error("[junction] tick failed:", error instanceof Error ? error.message.slice(0, 200) : "unknown");
    } finally {
      running = false;
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
