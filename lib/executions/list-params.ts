import { z } from "zod";
import { executionStatuses } from "@/lib/db/schema/executions";
import { decodeCursor, type Cursor } from "./cursor";
import { TIME_RANGES, type ListFilters, type TimeRange } from "./filters";

// The executions list's filters and page live in the URL (?flow=&status=failed,retrying&range=7d
// &before=<cursor>), so a filtered view can be shared and the back button works. Anything the
// page did not write is refused with a message instead of being guessed at.

const RANGE_MS: Record<Exclude<TimeRange, "custom">, number> = {
  "1h": 3600_000,
  "24h": 24 * 3600_000,
  "7d": 7 * 24 * 3600_000,
  "30d": 30 * 24 * 3600_000,
};

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date like 2026-11-22")
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), "is not a real date");

const cursor = z
  .string()
  .transform((s, ctx) => decodeCursor(s) ?? (ctx.addIssue({ code: "custom", message: "is not a page link from this list" }), z.NEVER));

export const executionListParamsSchema = z
  .strictObject({
    flow: z.string().uuid("is not a flow id").optional(),
    status: z
      .string()
      .transform((s) => [...new Set(s.split(",").filter(Boolean))])
      .pipe(z.array(z.enum(executionStatuses, { error: "is not a status (queued, running, succeeded, failed, retrying, cancelled)" })))
      .optional(),
    range: z.enum(TIME_RANGES, { error: "must be 1h, 24h, 7d, 30d or custom" }).optional(),
    from: day.optional(),
    to: day.optional(),
    before: cursor.optional(),
    after: cursor.optional(),
  }, { error: (issue) => (issue.code === "unrecognized_keys" ? `unknown filter ${issue.keys.join(", ")}` : undefined) })
  .superRefine((p, ctx) => {
    if (p.before && p.after) ctx.addIssue({ code: "custom", path: ["after"], message: "cannot be used together with before" });
    if ((p.from || p.to) && p.range !== "custom") {
      ctx.addIssue({ code: "custom", path: ["range"], message: "must be custom when from or to is given" });
    }
    if (p.range === "custom" && !p.from && !p.to) ctx.addIssue({ code: "custom", path: ["from"], message: "or to is needed for a custom range" });
    if (p.from && p.to && p.from > p.to) ctx.addIssue({ code: "custom", path: ["to"], message: "is before from" });
  });

export type ExecutionStatus = (typeof executionStatuses)[number];

export interface ExecutionListParams extends ListFilters {
  status?: ExecutionStatus[];
  before?: Cursor;
  after?: Cursor;
}

export type ParsedListParams = { ok: true; params: ExecutionListParams } | { ok: false; problems: string[] };

type RawSearchParams = Record<string, string | string[] | undefined>;

/** Next's searchParams → the list's filters, or what is wrong with them in words. */
export function parseListParams(raw: RawSearchParams): ParsedListParams {
  const flat: Record<string, string> = {};
  const problems: string[] = [];
  for (const [key, value] of Object.entries(raw)) {
    if (value === undefined || value === "") continue;
    if (Array.isArray(value)) {
      // ?status=failed&status=retrying reads as a list; any other key given twice is ambiguous.
      if (key === "status") flat.status = value.join(",");
      else problems.push(`“${key}” is given more than once.`);
    } else {
      flat[key] = value;
    }
  }
  const parsed = executionListParamsSchema.safeParse(flat);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = issue.path[0];
      problems.push(key === undefined ? `${capitalize(issue.message)}.` : `“${String(key)}” ${issue.message}.`);
    }
  }
  if (problems.length || !parsed.success) return { ok: false, problems };
  const params: ExecutionListParams = {};
  for (const [key, value] of Object.entries(parsed.data)) {
    if (value !== undefined && !(Array.isArray(value) && value.length === 0)) Object.assign(params, { [key]: value });
  }
  return { ok: true, params };
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The created_at window a time range means at `now`: since inclusive, until exclusive. */
export function timeWindow(params: Pick<ExecutionListParams, "range" | "from" | "to">, now: Date): { since?: Date; until?: Date } {
  if (!params.range) return {};
  if (params.range !== "custom") return { since: new Date(now.getTime() - RANGE_MS[params.range]) };
  // Custom ranges are whole UTC days, "to" included.
  return {
    since: params.from ? new Date(`${params.from}T00:00:00.000Z`) : undefined,
    until: params.to ? new Date(Date.parse(`${params.to}T00:00:00.000Z`) + 24 * 3600_000) : undefined,
  };
}
