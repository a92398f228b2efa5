// The time windows the rollup is read over. Its buckets are whole UTC hours, so "the last
// 24 hours" is the current hour and the 23 before it (24 buckets).

const HOUR_MS = 3_600_000;

/** Start of the first of the 24 hourly buckets that make "the last 24 hours". */
export function last24HoursStart(now: Date): Date {
  return new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS - 23 * HOUR_MS);
}
