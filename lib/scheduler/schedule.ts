import { createHash } from "node:crypto";
import { Cron } from "croner";

// Cron → run times. Schedules are 5-field cron expressions (minute hour day-of-month month
// day-of-week) evaluated by croner in the flow's IANA time zone (DST included: a local time
// that does not exist on the spring-forward day fires at the next valid moment; one that
// occurs twice in autumn fires once).
//
// Spreading: a thousand "0 * * * *" flows must not all fire at :00. Every schedule whose runs
// are at least an hour apart is shifted by a stable per-flow offset:
//
//   offset = (first 4 bytes of sha256(flowId), big-endian uint32) mod (min(interval, 1 h) − 60 s)
//
// in whole seconds, i.e. 0 … 3539 s for hourly and slower schedules, so a flow's runs happen
// up to 59 minutes after the cron's nominal time, always at the same offset for the same flow
// (and the spacing between its runs is unchanged). A schedule is "hourly or slower" exactly
// when its minute field names a single minute (then two runs are in different hours); any
// schedule that can fire twice within an hour (every 5 minutes, "0,30 * * * *") is run at its
// exact times, with no offset.

const HOUR_S = 3600;

function cronOf(cron: string, timezone: string): Cron {
  return new Cron(cron, { timezone, paused: true });
}

/** True when two runs of `cron` are never less than an hour apart (single-minute field). */
export function isHourlyOrSlower(cron: string): boolean {
  const trimmed = cron.trim();
  if (trimmed.startsWith("@")) return true; // @hourly, @daily, @weekly, @monthly, @yearly …
  const fields = trimmed.split(/\s+/);
  const [seconds, minutes] = fields.length === 6 ? fields : ["0", fields[0]];
  // Let croner interpret the minute (and seconds) field: two consecutive matches of
  // "<s> <m> * * * *" less than an hour apart mean it fires more than once per hour.
  try {
    const [a, b] = new Cron(`${seconds} ${minutes} * * * *`, { timezone: "UTC", paused: true }).nextRuns(
      2,
      new Date("2001-01-01T00:00:00Z"),
    );
    return Boolean(a && b) && b.getTime() - a.getTime() >= HOUR_S * 1000;
  } catch {
    return false;
  }
}

/** The stable spreading offset of a flow's hourly-or-slower schedule, in whole seconds (0 … 3539). */
export function scheduleOffsetSeconds(cron: string, flowId: string): number {
  if (!isHourlyOrSlower(cron)) return 0;
  const range = HOUR_S - 60; // min(interval, 1 h) − 1 min, and the interval is ≥ 1 h here
  return createHash("sha256").update(flowId).digest().readUInt32BE(0) % range;
}

/** The first run of the flow's schedule strictly after `after` (offset included); null when none. */
export function nextRunAt(cron: string, timezone: string, flowId: string, after: Date): Date | null {
  const offsetMs = scheduleOffsetSeconds(cron, flowId) * 1000;
  const nominal = cronOf(cron, timezone).nextRun(new Date(after.getTime() - offsetMs));
  return nominal ? new Date(nominal.getTime() + offsetMs) : null;
}

/** The latest run of the flow's schedule at or before `at` (offset included); null when none. */
export function latestRunAtOrBefore(cron: string, timezone: string, flowId: string, at: Date): Date | null {
  const offsetMs = scheduleOffsetSeconds(cron, flowId) * 1000;
  // croner's previousRuns() is strictly before its reference and works in whole seconds.
  const reference = Math.floor((at.getTime() - offsetMs) / 1000) * 1000 + 1000;
  const [nominal] = cronOf(cron, timezone).previousRuns(1, new Date(reference));
  return nominal ? new Date(nominal.getTime() + offsetMs) : null;
}

/** The next `n` runs after `from` (default now), for the schedule editor. */
export function nextRuns(cron: string, timezone: string, flowId: string, n = 5, from: Date = new Date()): Date[] {
  const runs: Date[] = [];
  let after = from;
  while (runs.length < n) {
    const next = nextRunAt(cron, timezone, flowId, after);
    if (!next) break;
    runs.push(next);
    after = next;
  }
  return runs;
}

// ── A human-readable description ────────────────────────────────────────────────────────
//
// A small hand-written describer. It covers: every minute; every N minutes; fixed minute(s)
// of every hour / every Nth hour / an hour range; a daily time (or a few times) restricted
// optionally by weekdays (list or range, names or numbers), days of the month and months;
// the @hourly/@daily/@weekly/@monthly/@yearly nicknames. Anything else (steps in the day
// or month fields, "L", "#", "W", seconds) falls back to "Cron: <expression>". It describes
// the nominal cron times; the per-flow spreading offset is added by the caller (see
// describeOffset) and the exact times come from nextRuns().

const DAY_NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTH_NAMES = [
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
];
const DAY_ABBR = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
const MONTH_ABBR = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

const NICKNAMES: Record<string, string> = {
  "@yearly": "0 0 1 1 *",
  "@annually": "0 0 1 1 *",
  "@monthly": "0 0 1 * *",
  "@weekly": "0 0 * * 0",
  "@daily": "0 0 * * *",
  "@midnight": "0 0 * * *",
  "@hourly": "0 * * * *",
};

const pad = (n: number) => String(n).padStart(2, "0");

function ordinal(n: number): string {
  const s = ["th", "st", "nd", "rd"];
  const v = n % 100;
  return `${n}${s[(v - 20) % 10] ?? s[v] ?? s[0]}`;
}

function listText(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** A field of plain numbers (or names): "5", "1,15", "1-5", "mon-fri", "1,3-5". Null otherwise. */
function parseValues(field: string, min: number, max: number, names?: string[]): { values: number[]; ranges: [number, number][] } | null {
  const ranges: [number, number][] = [];
  const values: number[] = [];
  const num = (s: string): number | null => {
    const lower = s.toLowerCase();
    if (names && names.includes(lower)) return names.indexOf(lower) + (names === MONTH_ABBR ? 1 : 0);
    if (!/^\d+$/.test(s)) return null;
    const n = Number(s);
    return n >= min && n <= max ? n : null;
  };
  for (const part of field.split(",")) {
    const [a, b, ...rest] = part.split("-");
    if (rest.length) return null;
    const lo = num(a);
    if (lo === null) return null;
    if (b === undefined) {
      values.push(lo);
      ranges.push([lo, lo]);
    } else {
      const hi = num(b);
      if (hi === null || hi < lo) return null;
      ranges.push([lo, hi]);
      for (let i = lo; i <= hi; i++) values.push(i);
    }
  }
  return { values, ranges };
}

function describeRanges(ranges: [number, number][], label: (n: number) => string): string {
  return listText(ranges.map(([lo, hi]) => (lo === hi ? label(lo) : `${label(lo)} through ${label(hi)}`)));
}

function describeDays(dom: string, month: string, dow: string): string | null {
  const parts: string[] = [];
  // Both day fields restricted means "either" in cron; not worth a sentence.
  if (dow !== "*" && dow !== "?" && dom !== "*" && dom !== "?") return null;
  if (dow !== "*" && dow !== "?") {
    const d = parseValues(dow, 0, 7, DAY_ABBR);
    if (!d) return null;
    const key = [...new Set(d.values.map((v) => v % 7))].sort().join(",");
    if (key === "1,2,3,4,5") parts.push("on weekdays");
    else if (key === "0,6") parts.push("on weekends");
    else parts.push(`on ${describeRanges(d.ranges, (n) => DAY_NAMES[n % 7])}`);
  }
  if (dom !== "*" && dom !== "?") {
    const d = parseValues(dom, 1, 31);
    if (!d) return null;
    parts.push(`on the ${describeRanges(d.ranges, ordinal)} of the month`);
  }
  if (month !== "*") {
    const m = parseValues(month, 1, 12, MONTH_ABBR);
    if (!m) return null;
    parts.push(`in ${describeRanges(m.ranges, (n) => MONTH_NAMES[n - 1])}`);
  }
  return parts.join(", ");
}

function join(head: string, days: string): string {
  return days ? `${head}, ${days}` : head;
}

/** A sentence for a cron expression ("Every day at 09:00"), or "Cron: <expr>" when not covered. */
export function describeSchedule(cron: string): string {
  const expression = cron.trim();
  const fallback = `Cron: ${expression}`;
  const fields = (NICKNAMES[expression.toLowerCase()] ?? expression).split(/\s+/);
  if (fields.length !== 5) return fallback;
  const [minute, hour, dom, month, dow] = fields;
  const days = describeDays(dom, month, dow);
  if (days === null) return fallback;

  // Minute field
  const everyN = (field: string) => {
    const m = /^(?:\*|0)\/(\d+)$/.exec(field);
    return m ? Number(m[1]) : null;
  };
  const minuteStep = minute === "*" ? 1 : everyN(minute);
  const minutes = minuteStep === null ? parseValues(minute, 0, 59) : null;
  if (minuteStep === null && !minutes) return fallback;

  if (hour === "*") {
    if (minuteStep === 1) return join("Every minute", days);
    if (minuteStep !== null) return join(`Every ${minuteStep} minutes`, days);
    if (minutes!.values.length === 1) return join(`Every hour at minute ${minutes!.values[0]}`, days);
    return join(`Every hour at minutes ${listText(minutes!.values.map(String))}`, days);
  }

  const hourStep = everyN(hour);
  if (hourStep !== null) {
    if (!minutes || minutes.values.length !== 1) return fallback;
    const every = hourStep === 1 ? "every hour" : `every ${ordinal(hourStep)} hour`;
    return join(`At minute ${minutes.values[0]} past ${every}`, days);
  }

  const hours = parseValues(hour, 0, 23);
  if (!hours) return fallback;
  if (minuteStep !== null) {
    if (hours.ranges.length !== 1) return fallback;
    const [lo, hi] = hours.ranges[0];
    const head = minuteStep === 1 ? "Every minute" : `Every ${minuteStep} minutes`;
    return join(`${head} from ${pad(lo)}:00 to ${pad(hi)}:59`, days);
  }
  if (hours.ranges.some(([lo, hi]) => lo !== hi)) {
    if (minutes!.values.length !== 1) return fallback;
    return join(`At minute ${minutes!.values[0]} past every hour from ${describeRanges(hours.ranges, (h) => `${pad(h)}:00`)}`, days);
  }
  const times = hours.values.flatMap((h) => minutes!.values.map((m) => `${pad(h)}:${pad(m)}`));
  if (times.length > 6) return fallback;
  const at = `at ${listText(times)}`;
  if (!days) return `Every day ${at}`;
  if (dow === "*" && dom === "*") return `Every day ${at}, ${days}`;
  return `${days.charAt(0).toUpperCase()}${days.slice(1)}, ${at}`;
}

/** "then spread by 12 min 5 s for this flow" — the offset in words, for the schedule editor. */
export function describeOffset(cron: string, flowId: string): string | null {
  const seconds = scheduleOffsetSeconds(cron, flowId);
  if (!seconds) return null;
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return `runs ${m ? `${m} min ` : ""}${s ? `${s} s ` : ""}after the nominal time (a stable offset that spreads hourly schedules)`;
}
