// Numbers as the dashboard and the health page show them.

/** 850 ms, 1.2 s, 3 min 5 s, 2 h 4 min; "—" when unknown. */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms) || ms < 0) return "—";
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds < 10 ? seconds.toFixed(1) : Math.round(seconds)} s`;
  const totalSeconds = Math.round(seconds);
  const minutes = Math.floor(totalSeconds / 60);
  if (minutes < 60) return `${minutes} min ${totalSeconds % 60} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** 0.1234 → "12.3%", 0 → "0%", 1 → "100%"; "—" without a rate. */
export function formatPercent(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return "—";
  const percent = rate * 100;
  if (percent === 0 || percent === 100) return `${percent}%`;
  return `${percent < 10 ? percent.toFixed(1) : Math.round(percent)}%`;
}

const TRIGGERS: Record<string, string> = { manual: "Manual", webhook: "Webhook", schedule: "Schedule" };

/** "Webhook", "Schedule", "Manual" (and any other trigger type as it is). */
export function triggerLabel(type: string): string {
  return TRIGGERS[type] ?? type;
}
