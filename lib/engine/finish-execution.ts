import type { Db } from "@/lib/db/types";
import { hotQuery, type HotParam } from "./hot-sql";
import type { ExecutionRow } from "./queue";
import { stepRowsParam, upsertStepRowsSql } from "./step-log";

// The end of a run, in one statement: the execution's new state (conditional on this run
// still holding the lease), the step rows not yet written, and — on success — the flow's open
// failure alert resolved. If the lease is gone (cancelled, or taken over after it ran out),
// none of it is written and the caller learns the run was lost.

export interface FinishValues {
  status: "succeeded" | "failed" | "retrying" | "queued";
  /** undefined leaves a column as it is. */
  errorMessage?: string | null;
  completedAt?: Date;
  durationMs?: number;
  attempt?: number;
  nextRetryAt?: Date | null;
  runAfter?: Date | null;
}

// Column, SQL type, and how to send the value (dates as ISO text).
const COLUMNS: [keyof FinishValues, string, string][] = [
  ["status", "status", "text"],
  ["errorMessage", "error_message", "text"],
  ["completedAt", "completed_at", "timestamptz"],
  ["durationMs", "duration_ms", "int"],
  ["attempt", "attempt", "int"],
  ["nextRetryAt", "next_retry_at", "timestamptz"],
  ["runAfter", "run_after", "timestamptz"],
];

const statements = new Map<string, string>();

/** The statement for this set of columns; the text is the same for every run of the same kind, so it is prepared once. */
function finishStatement(set: string[], resolveAlert: boolean): string {
  const signature = `${set.join(",")}|${resolveAlert}`;
  let text = statements.get(signature);
  if (!text) {
    const assignments = set.map((column, i) => `${column} = $${i + 4}::${COLUMNS.find((c) => c[1] === column)![2]}`);
    const alertParam = set.length + 4;
    text = `with done as (
        update executions set ${assignments.join(", ")}, lease_until = null, lease_owner = null, updated_at = now()
         where id = $1::uuid and status = 'running' and lease_owner = $2::text returning id),
      written as (${upsertStepRowsSql("$3", "done")})${
        resolveAlert
          ? `,
      resolved as (
        update alerts set status = 'resolved', resolved_at = now(), updated_at = now()
         where workspace_id = $${alertParam}::uuid and fingerprint = $${alertParam + 1}::text and status <> 'resolved'
           and exists (select 1 from done)
        returning 1)`
          : ""
      }
      select (select count(*) from done)::int as done`;
    statements.set(signature, text);
  }
  return text;
}

/** The fingerprint of a flow's "execution failed" alert. */
export const failureFingerprint = (flowId: string) => `flow:${flowId}:failed`;

/**
 * Ends the run: false when it no longer held the execution (nothing was written). With
 * `resolveAlert`, the flow's open failure alert is resolved in the same statement.
 */
export async function finishExecution(
  db: Db,
  execution: ExecutionRow,
  owner: string,
  values: FinishValues,
  rows: string[],
  options: { resolveAlert?: boolean } = {},
): Promise<boolean> {
  const set: string[] = [];
  const params: HotParam[] = [execution.id, owner, stepRowsParam(rows)];
  for (const [key, column] of COLUMNS) {
    const value = values[key];
    if (value === undefined) continue;
    set.push(column);
    params.push(value instanceof Date ? value.toISOString() : value);
  }
  const resolveAlert = options.resolveAlert ?? false;
  if (resolveAlert) params.push(execution.workspaceId, failureFingerprint(execution.flowId));
  const [result] = await hotQuery<{ done: number }>(db, finishStatement(set, resolveAlert), params);
  return Number(result?.done ?? 0) > 0;
}
