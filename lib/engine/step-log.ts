import { sql } from "drizzle-orm";
import { redact } from "@/lib/http";
import { executionSteps } from "@/lib/db/schema";
import type { Queryable } from "@/lib/db/types";

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

function bounded(value: unknown, limit: number, secrets: readonly string[]): { value: unknown; bytes: number; truncated: boolean } {
  if (value === undefined) return { value: null, bytes: 0, truncated: false };
  let text = JSON.stringify(value) ?? "null";
  const bytes = Buffer.byteLength(text);
  if (secrets.length) text = redact(text, secrets);
  if (bytes <= limit) return { value: JSON.parse(text), bytes, truncated: false };
  return {
    value: { truncated: true, bytes, preview: text.slice(0, Math.min(limit, 4096)) },
    bytes,
    truncated: true,
  };
}

export function toRow(workspaceId: string, executionId: string, record: StepRecord, secrets: readonly string[]) {
  const output = bounded(record.output, MAX_STORED_OUTPUT_BYTES, secrets);
  const input = bounded(record.input, MAX_STORED_INPUT_BYTES, secrets);
  return {
    workspaceId,
    executionId,
    stepKey: record.stepKey,
    position: record.position,
    status: record.status,
    input: input.value as object,
    output: output.value as object,
    outputBytes: output.bytes,
    outputTruncated: output.truncated,
    httpStatus: record.httpStatus ?? null,
    durationMs: record.durationMs,
    attempt: record.attempt,
    error: record.error ? redact(record.error, secrets).slice(0, 4000) : null,
    startedAt: record.startedAt,
    completedAt: record.completedAt,
  };
}

/** Inserts or updates (a retry of the same step) the rows, in one statement. */
export async function writeStepRows(q: Queryable, rows: ReturnType<typeof toRow>[]): Promise<void> {
  if (rows.length === 0) return;
  await q
    .insert(executionSteps)
    .values(rows)
    .onConflictDoUpdate({
      target: [executionSteps.executionId, executionSteps.stepKey],
      set: {
        status: sql`excluded.status`,
        input: sql`excluded.input`,
        output: sql`excluded.output`,
        outputBytes: sql`excluded.output_bytes`,
        outputTruncated: sql`excluded.output_truncated`,
        httpStatus: sql`excluded.http_status`,
        durationMs: sql`excluded.duration_ms`,
        attempt: sql`excluded.attempt`,
        error: sql`excluded.error`,
        startedAt: sql`excluded.started_at`,
        completedAt: sql`excluded.completed_at`,
      },
    });
}
