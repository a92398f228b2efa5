// The flow's scheduled retry delays as people write them: "5m, 15m, 1h". Seconds in the
// definition (retry.delays_seconds), a short text in the builder. An empty text means
// "never retry later"; no retry policy at all means the default 5 min, 15 min, 1 h.

export { DEFAULT_RETRY_DELAYS_SECONDS } from "@/lib/engine/retry-policy";
const MAX_DELAYS = 10;
const MAX_SECONDS = 7 * 86_400;
const UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

export function formatDelays(seconds: readonly number[]): string {
  return seconds
    .map((s) => {
      for (const unit of ["d", "h", "m"]) if (s % UNITS[unit] === 0) return `${s / UNITS[unit]}${unit}`;
      return `${s}s`;
    })
    .join(", ");
}

/** Seconds for each delay, or the first problem in words. */
export function parseDelays(text: string): { ok: true; seconds: number[] } | { ok: false; error: string } {
  const parts = text
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length > MAX_DELAYS) return { ok: false, error: `At most ${MAX_DELAYS} retries.` };
  const seconds: number[] = [];
  for (const part of parts) {
    const match = /^(\d{1,6})\s*([smhd])$/i.exec(part);
    if (!match) return { ok: false, error: `“${part}” is not a delay: write a number and s, m, h or d, like 15m.` };
    const value = Number(match[1]) * UNITS[match[2].toLowerCase()];
    if (value < 1 || value > MAX_SECONDS) return { ok: false, error: `“${part}” is outside 1 second to 7 days.` };
    seconds.push(value);
  }
  return { ok: true, seconds };
}
