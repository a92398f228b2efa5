import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "@/lib/db/types";

// Data past retention goes away, in batches (short statements, no long locks):
//
//  - executions older than their workspace's retention (workspaces.retention_days, 30 by
//    default) by created_at, when finished (succeeded, failed, cancelled) — queued, running
//    and retrying ones are still the engine's; their execution_steps go by ON DELETE CASCADE;
//  - webhook events older than their workspace's retention, by received_at (an execution
//    that still points at one keeps running on its stored trigger payload: event_id is set
//    null);
//  - dedup keys and OAuth states past their expires_at;
//  - rate-limit buckets whose window started more than a day ago (no window is that long).

export const RETENTION_BATCH = 1_000;

export interface PurgeReport {
  executions: number;
  webhookEvents: number;
  dedupKeys: number;
  oauthStates: number;
  rateLimitBuckets: number;
}

async function deleteInBatches(db: Db, statement: (limit: number) => SQL, maxBatches: number): Promise<number> {
  let total = 0;
  for (let i = 0; i < maxBatches; i++) {
    const rows = await queryRows(db, statement(RETENTION_BATCH));
    total += rows.length;
    if (rows.length < RETENTION_BATCH) break;
  }
  return total;
}

export async function purgeExpiredData(db: Db, now: Date = new Date(), options: { maxBatches?: number } = {}): Promise<PurgeReport> {
  const at = now.toISOString();
  const max = options.maxBatches ?? 20;
  const executions = await deleteInBatches(
    db,
    (limit) => sql`delete from executions where id in (
        select e.id from executions e join workspaces w on w.id = e.workspace_id
         where e.status in ('succeeded', 'failed', 'cancelled')
           and e.created_at < ${at}::timestamptz - make_interval(days => w.retention_days)
         limit ${limit})
      returning id`,
    max,
  );
  const webhookEvents = await deleteInBatches(
    db,
    (limit) => sql`delete from webhook_events where id in (
        select ev.id from webhook_events ev join workspaces w on w.id = ev.workspace_id
         where ev.received_at < ${at}::timestamptz - make_interval(days => w.retention_days)
         limit ${limit})
      returning id`,
    max,
  );
  const dedupKeys = await deleteInBatches(
    db,
    (limit) => sql`delete from dedup_keys where (scope, key) in (
        select scope, key from dedup_keys where expires_at < ${at}::timestamptz limit ${limit})
      returning key`,
    max,
  );
  const oauthStates = await deleteInBatches(
    db,
    (limit) => sql`delete from oauth_states where id in (
        select id from oauth_states where expires_at < ${at}::timestamptz limit ${limit})
      returning id`,
    max,
  );
  const rateLimitBuckets = await deleteInBatches(
    db,
    (limit) => sql`delete from rate_limit_buckets where bucket in (
        select bucket from rate_limit_buckets where window_start < ${at}::timestamptz - interval '1 day' limit ${limit})
      returning bucket`,
    max,
  );
  return { executions, webhookEvents, dedupKeys, oauthStates, rateLimitBuckets };
}
