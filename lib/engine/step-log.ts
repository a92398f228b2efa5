import { redact } from "@/lib/http";
import { jsonWithoutNul } from "@/lib/db/json-without-nul";

// The execution_steps rows: one per step (per loop iteration), written when the step ends.
// Inputs are stored redacted; outputs past a size limit are stored truncated, with the size.

export const MAX_STORED_OUTPUT_BYTES = 256 * 1024;
export const MAX_STORED_INPUT_BYTES = 64 * 1024;

export type StepStatus = "running" | "succeeded" | "failed" | "skipped";

export interface StepRecord {
  stepKey: string;
  position: number;
  status: StepStatus;
  input?: unknown;
  output?: unknown;
  httpStatus?: number | null;
  durationMs: number;
  attempt: number;
  error?: string | null;
  startedAt: Date;
  completedAt: Date | null;
}

/** The value as JSON text for the row: redacted, and replaced by a preview past the limit. */
function bounded(value: unknown, limit: number, secrets: readonly string[]): { json: string; bytes: number; truncated: boolean } {
  if (value === undefined) return { json: "null", bytes: 0, truncated: false };
  let text = JSON.stringify(value) ?? "null";
  const bytes = Buffer.byteLength(text);
  if (secrets.length) text = redact(text, secrets);
  if (bytes <= limit) {
    // Redaction replaces whole secret values; parsing once proves it left valid JSON.
    if (secrets.length) JSON.parse(text);
    return { json: text, bytes, truncated: false };
  }
  return { json: JSON.stringify({ truncated: true, bytes, preview: text.slice(0, Math.min(limit, 4096)) }), bytes, truncated: true };
}

/**
 * A step row as JSON text, snake_case like the table (upsertStepRowsSql reads it). The input
 * and output go in as the JSON text they were serialized to once, not parsed back.
 */
export function toRow(workspaceId: string, executionId: string, record: StepRecord, secrets: readonly string[]): string {
  const output = bounded(record.output, MAX_STORED_OUTPUT_BYTES, secrets);
  const input = bounded(record.input, MAX_STORED_INPUT_BYTES, secrets);
  const fields = {
    workspace_id: workspaceId,
    execution_id: executionId,
    step_key: record.stepKey,
    position: record.position,
    status: record.status,
    output_bytes: output.bytes,
    output_truncated: output.truncated,
    http_status: record.httpStatus ?? null,
    duration_ms: record.durationMs,
    attempt: record.attempt,
    error: record.error ? redact(record.error, secrets).slice(0, 4000) : null,
    started_at: record.startedAt.toISOString(),
    completed_at: record.completedAt?.toISOString() ?? null,
  };
  const json = `${JSON.stringify(fields).slice(0, -1)},"input":${input.json},"output":${output.json}}`;
  return jsonWithoutNul(json);
}

/** All rows as one JSON text parameter: the statement text stays the same however many there are. */
export function stepRowsParam(rows: readonly string[]): string {
  return `[${rows.join(",")}]`;
}

/**
 * A data-modifying CTE body that inserts the rows of the JSON parameter `param`, or updates
 * them in place (a retry of the same step), only if the CTE named `guard` returned a row —
 * the lease check of the same statement, so nothing is logged by a run that lost its
 * execution. Returns one row per row written.
 */
export function upsertStepRowsSql(param: string, guard: string): string {
  return `insert into execution_steps (workspace_id, execution_id, step_key, position, status, input, output, output_bytes,
                                 output_truncated, http_status, duration_ms, attempt, error, started_at, completed_at)
    select r.workspace_id, r.execution_id, r.step_key, r.position, r.status, r.input, r.output, r.output_bytes,
           coalesce(r.output_truncated, false), r.http_status, r.duration_ms, r.attempt, r.error, r.started_at, r.completed_at
      from jsonb_to_recordset(${param}::text::jsonb) as r(workspace_id uuid, execution_id uuid, step_key text, position int, status text,
           input jsonb, output jsonb, output_bytes int, output_truncated boolean, http_status int, duration_ms int, attempt int,
           error text, started_at timestamptz, completed_at timestamptz)
     where exists (select 1 from ${guard})
    on conflict (execution_id, step_key) do update set
      status = excluded.status, input = excluded.input, output = excluded.output, output_bytes = excluded.output_bytes,
      output_truncated = excluded.output_truncated, http_status = excluded.http_status, duration_ms = excluded.duration_ms,
      attempt = excluded.attempt, error = excluded.error, started_at = excluded.started_at, completed_at = excluded.completed_at
    returning 1`;
}
