/** A run's length for people: "420 ms", "3.4 s", "2 min 5 s", "1 h 7 min"; "—" when unknown. */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms) || ms < 0) return "—";
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) {
    return ms < 10_000 ? `${(Math.floor(ms / 100) / 10).toFixed(1)} s` : `${Math.floor(ms / 1000)} s`;
  }
  const totalSeconds = Math.floor(ms / 1000);
  if (totalSeconds < 3600) {
    const s = totalSeconds % 60;
    return s ? `${Math.floor(totalSeconds / 60)} min ${s} s` : `${totalSeconds / 60} min`;
  }
  const totalMinutes = Math.floor(totalSeconds / 60);
  const m = totalMinutes % 60;
  return m ? `${Math.floor(totalMinutes / 60)} h ${m} min` : `${totalMinutes / 60} h`;
}

/** Byte counts as "812 B", "14.2 KB", "3.1 MB" (1 KB = 1024 B). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
