import { sql } from "drizzle-orm";
import { executions } from "@/lib/db/schema";
import { queryRows, type Queryable } from "@/lib/db/types";

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

/** Claims up to `limit` queued executions that may run now, oldest first. */
export async function claimExecutions(
  q: Queryable,
  options: { owner: string; limit?: number; leaseMs?: number; ids?: string[] },
): Promise<ExecutionRow[]> {
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const only = options.ids?.length ? sql`and e.id in (${sql.join(options.ids.map((id) => sql`${id}::uuid`), sql`, `)})` : sql``;
  const rows = await queryRows<Record<string, unknown>>(
    q,
    sql`update executions set
          status = 'running',
          lease_until = now() + make_interval(secs => ${leaseMs / 1000}),
          lease_owner = ${options.owner},
          run_after = null,
          started_at = coalesce(started_at, now()),
          updated_at = now()
        where id in (
          select e.id from executions e
           where e.status = 'queued' and (e.run_after is null or e.run_after <= now()) ${only}
           order by e.created_at
           limit ${options.limit ?? 1}
           for update skip locked)
        returning id`,
  );
  if (rows.length === 0) return [];
  return q
    .select()
    .from(executions)
    .where(sql`${executions.id} in (${sql.join(rows.map((r) => sql`${r.id as string}::uuid`), sql`, `)})`);
}

/** Extends a running execution's lease; false when it was lost (another worker took it over). */
export async function renewLease(q: Queryable, id: string, owner: string, leaseMs = DEFAULT_LEASE_MS): Promise<boolean> {
  const rows = await queryRows(
    q,
    sql`update executions set lease_until = now() + make_interval(secs => ${leaseMs / 1000})
         where id = ${id} and status = 'running' and lease_owner = ${owner} returning id`,
  );
  return rows.length > 0;
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
