import { sql } from "drizzle-orm";
import { dedupKeys, flows } from "@/lib/db/schema";
import { queryRows, type Db } from "@/lib/db/types";
import { enqueueExecution } from "@/lib/engine/queue";
import { latestRunAtOrBefore, nextRunAt } from "./schedule";

// Due schedules → queued executions. A flow is due when it is active, has a schedule trigger
// and its next_run_at has come. For each due flow, in one transaction:
//
//  - the slot is the latest run time of its schedule at or before `now` (never earlier than
//    the stored next_run_at): after downtime that missed many slots, the flow runs ONCE, for
//    the latest one, not once per missed slot;
//  - a dedup key (scope `schedule:<flow id>`, key `<slot ISO>`) is inserted first; only when
//    it was new is an execution enqueued, so one slot never runs twice, even with several
//    tickers at once (rows are also taken FOR UPDATE SKIP LOCKED, so they rarely meet);
//  - next_run_at moves to the first run strictly after `now`.
//
// The execution's trigger payload is `{ body: {}, scheduled_for: "<slot ISO>", headers: {},
// query: {} }`: the same shape as a webhook's, so templates like {{ trigger.body }} work on
// any trigger, plus the slot the run is for.

export const SCHEDULE_BATCH = 100;
/** How long a slot's dedup key is kept (the retention purge removes it afterwards). */
export const SCHEDULE_DEDUP_TTL_MS = 7 * 86_400_000;

export interface EnqueueDueReport {
  /** Executions enqueued. */
  scheduled: number;
  /** Due flows whose slot had already been enqueued (another ticker), or whose schedule is broken. */
  skipped: number;
}

interface DueFlow extends Record<string, unknown> {
  id: string;
  workspace_id: string;
  version: number;
  trigger: { cron?: unknown; timezone?: unknown };
  next_run_at: string | Date;
}

export async function enqueueDueSchedules(db: Db, now: Date = new Date(), options: { maxBatches?: number } = {}): Promise<EnqueueDueReport> {
  const report: EnqueueDueReport = { scheduled: 0, skipped: 0 };
  for (let batch = 0; batch < (options.maxBatches ?? 10); batch++) {
    const handled = await db.transaction(async (tx) => {
      const due = await queryRows<DueFlow>(
        tx,
        sql`select id, workspace_id, version, trigger, next_run_at from ${flows}
             where is_active and trigger_type = 'schedule' and next_run_at <= ${now.toISOString()}
             order by next_run_at
             limit ${SCHEDULE_BATCH}
             for update skip locked`,
      );
      for (const flow of due) {
        const storedNext = new Date(flow.next_run_at);
        const cron = typeof flow.trigger?.cron === "string" ? flow.trigger.cron : null;
        const timezone = typeof flow.trigger?.timezone === "string" ? flow.trigger.timezone : "UTC";
        let slot: Date;
        let next: Date | null;
        try {
          if (!cron) throw new Error("the schedule trigger has no cron expression");
          const latest = latestRunAtOrBefore(cron, timezone, flow.id, now);
          slot = latest && latest > storedNext ? latest : storedNext;
          next = nextRunAt(cron, timezone, flow.id, now);
        } catch (error) {
          // Saved flows are validated, so this is a corrupted row: stop selecting it.
          console.error(`[scheduler] flow ${flow.id} has an unusable schedule:`, error instanceof Error ? error.message.slice(0, 200) : "unknown");
          await tx.execute(sql`update ${flows} set next_run_at = null where id = ${flow.id}`);
          report.skipped++;
          continue;
        }

        const inserted = await tx
          .insert(dedupKeys)
          .values({
            workspaceId: flow.workspace_id,
            scope: `schedule:${flow.id}`,
            key: slot.toISOString(),
            expiresAt: new Date(Math.max(now.getTime(), slot.getTime()) + SCHEDULE_DEDUP_TTL_MS),
          })
          .onConflictDoNothing()
          .returning({ key: dedupKeys.key });
        if (inserted.length === 1) {
          const execution = await enqueueExecution(tx, {
            workspaceId: flow.workspace_id,
            flowId: flow.id,
            flowVersion: flow.version,
            triggerType: "schedule",
            payload: { body: {}, scheduled_for: slot.toISOString(), headers: {}, query: {} },
          });
          await tx.execute(
            sql`update ${dedupKeys} set execution_id = ${execution.id}
                 where scope = ${`schedule:${flow.id}`} and key = ${slot.toISOString()}`,
          );
          report.scheduled++;
        } else {
          report.skipped++;
        }
        await tx.execute(sql`update ${flows} set next_run_at = ${next ? next.toISOString() : null} where id = ${flow.id}`);
      }
      return due.length;
    });
    if (handled < SCHEDULE_BATCH) break;
  }
  return report;
}
