import { getTableColumns, sql } from "drizzle-orm";
import { executions } from "@/lib/db/schema";
import { queryRows, type Queryable } from "@/lib/db/types";
import { hotQuery, type HotParam } from "./hot-sql";

// The execution queue lives in the executions table. Claims take rows with FOR UPDATE SKIP
// LOCKED and hold them with a lease, so any number of workers (functions, processes) can
// claim at once and a crashed one's work comes back when its lease runs out.

export type ExecutionRow = typeof executions.$inferSelect;

export const DEFAULT_LEASE_MS = 90_000;

export interface EnqueueInput {
  workspaceId: string;
  flowId: string;
  flowVersion: number;
  triggerType: string;
  payload: unknown;
  eventId?: string | null;
  dryRun?: boolean;
  rerunOf?: string | null;
}

/** Writes a queued execution; nothing runs before this row exists. */
export async function enqueueExecution(q: Queryable, input: EnqueueInput): Promise<ExecutionRow> {
  const [row] = await q
    .insert(executions)
    .values({
      workspaceId: input.workspaceId,
      flowId: input.flowId,
      flowVersion: input.flowVersion,
      triggerType: input.triggerType,
      triggerPayload: (input.payload ?? {}) as object,
      eventId: input.eventId ?? null,
      dryRun: input.dryRun ?? false,
      rerunOf: input.rerunOf ?? null,
      attempt: 1,
    })
    .returning();
  return row;
}

// Claimed executions known to have no step rows yet (never claimed before, not a re-run):
// their run skips reading execution_steps. Kept beside the row, not in it.
const firstClaims = new WeakSet<ExecutionRow>();

/** True when the claim that returned this row showed no earlier run could have logged steps. */
export function isFirstClaim(row: ExecutionRow): boolean {
  return firstClaims.has(row);
}

const executionColumns = Object.entries(getTableColumns(executions)).map(([key, column]) => ({ key, column }));

/** An executions row as the driver returned it (snake_case), as drizzle would map it. */
function toExecutionRow(raw: Record<string, unknown>): ExecutionRow {
  const row: Record<string, unknown> = {};
  for (const { key, column } of executionColumns) {
    const value = raw[column.name];
    row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return row as ExecutionRow;
}

// One statement: pick the oldest due queued rows (SKIP LOCKED), take them with a lease, and
// return them whole, with started_at as it was before (null: never claimed before).
// The limit is part of the text, not a parameter: a prepared statement's generic plan that
// does not know it expects many rows and hash-joins a scan of the whole table.
function claimStatement(limit: number, onlyIds: boolean): string {
  return `with picked as (
      select e.id, e.started_at as previous_start from executions e
       where e.status = 'queued' and (e.run_after is null or e.run_after <= now())${onlyIds ? " and e.id = any($3::text::uuid[])" : ""}
       order by e.created_at
       limit ${limit}
       for update skip locked)
    update executions x set
       status = 'running',
       lease_until = now() + make_interval(secs => $1::float8),
       lease_owner = $2::text,
       run_after = null,
       started_at = coalesce(x.started_at, now()),
       updated_at = now()
      from picked
     where x.id = picked.id
    returning x.*, picked.previous_start`;
}
const claimStatements = new Map<string, string>();
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Claims up to `limit` queued executions that may run now, oldest first. */
export async function claimExecutions(
  q: Queryable,
  options: { owner: string; limit?: number; leaseMs?: number; ids?: string[] },
): Promise<ExecutionRow[]> {
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const limit = Math.max(1, Math.floor(options.limit ?? 1));
  const ids = options.ids?.length ? options.ids : null;
  const key = `${limit}:${Boolean(ids)}`;
  let text = claimStatements.get(key);
  if (!text) claimStatements.set(key, (text = claimStatement(limit, Boolean(ids))));
  const params: HotParam[] = [leaseMs / 1000, options.owner];
  if (ids) {
    const bad = ids.find((id) => !UUID.test(id));
    if (bad !== undefined) throw new Error(`Not an execution id: ${JSON.stringify(bad).slice(0, 60)}`);
    params.push(`{${ids.join(",")}}`);
  }
  // Claiming given ids (a test, a bench) is planned for those ids each time, not prepared:
  // a generic plan cannot tell a few ids from the whole table.
  const raw = await hotQuery(q, text, params, { prepare: !ids });
  return raw.map((r) => {
    const row = toExecutionRow(r);
    if (r.previous_start === null && row.rerunOf === null) firstClaims.add(row);
    return row;
  });
}

/** After this many lost workers, the execution is failed instead of being tried again. */
export const MAX_RECOVERIES = 3;

/**
 * "Worker lost": running executions whose lease ran out go back to the queue, saying so, and
 * resume at their first unfinished step. One that keeps losing its worker (it crashes the
 * process every time) is failed after MAX_RECOVERIES instead of looping forever.
 */
export async function requeueExpiredLeases(q: Queryable): Promise<number> {
  const rows = await queryRows<{ id: string; status: string }>(
    q,
    sql`update executions set
          status = case when recoveries + 1 >= ${MAX_RECOVERIES + 1} then 'failed' else 'queued' end,
          recoveries = recoveries + 1,
          error_message = case when recoveries + 1 >= ${MAX_RECOVERIES + 1}
            then 'The worker running this execution was lost ' || (recoveries + 1) || ' times; it was stopped.'
            else 'The worker running this execution was lost (its lease ran out at ' || to_char(lease_until at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') || '); it resumed from the first unfinished step.' end,
          completed_at = case when recoveries + 1 >= ${MAX_RECOVERIES + 1} then now() else completed_at end,
          lease_until = null, lease_owner = null, updated_at = now()
         where status = 'running' and lease_until < now() returning id, status`,
  );
  if (rows.length) console.warn(`[engine] re-queued ${rows.filter((r) => r.status === "queued").length} execution(s) whose worker was lost`);
  return rows.length;
}

/** Retries whose time has come go back to the queue. */
export async function releaseDueRetries(q: Queryable): Promise<number> {
  const rows = await queryRows(
    q,
    sql`update executions set status = 'queued', next_retry_at = null, updated_at = now()
         where status = 'retrying' and next_retry_at <= now() returning id`,
  );
  return rows.length;
}
