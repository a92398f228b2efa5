// The health sheet's 30-day chart: daily runs and errors (UTC days), summed from the hourly
// rollup, with the days that had no runs filled in as zero so the chart's axis is continuous.

export const CHART_DAYS = 30;

export interface DailyCounts {
  /** YYYY-MM-DD (UTC). */
  day: string;
  succeeded: number;
  failed: number;
  cancelled: number;
}

export interface DailyPoint {
  day: string;
  runs: number;
  errors: number;
}

const DAY_MS = 86_400_000;

export const utcDay = (date: Date) => date.toISOString().slice(0, 10);

/** Midnight (UTC) of the first day of a window of `days` days ending today. */
export function seriesStart(now: Date, days = CHART_DAYS): Date {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return new Date(today - (days - 1) * DAY_MS);
}

/** One point per day from `seriesStart(now)` to today, oldest first; days outside the window are dropped. */
export function fillDailySeries(rows: readonly DailyCounts[], now: Date, days = CHART_DAYS): DailyPoint[] {
  const byDay = new Map<string, DailyPoint>();
  for (const r of rows) {
    const point = byDay.get(r.day) ?? { day: r.day, runs: 0, errors: 0 };
    point.runs += r.succeeded + r.failed + r.cancelled;
    point.errors += r.failed;
    byDay.set(r.day, point);
  }
  const start = seriesStart(now, days).getTime();
  return Array.from({ length: days }, (_, i) => {
    const day = utcDay(new Date(start + i * DAY_MS));
    return byDay.get(day) ?? { day, runs: 0, errors: 0 };
  });
}
