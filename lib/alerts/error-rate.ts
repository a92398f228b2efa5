import { and, eq, gte, inArray, sql } from "drizzle-orm";
import { alerts, executions, flows } from "@/lib/db/schema";
import type { Queryable } from "@/lib/db/types";

// A flow's error rate over its last finished executions. At or above OPEN_AT (with enough
// executions to mean something) an `error_rate` alert opens; below RESOLVE_BELOW it resolves.
// Between the two nothing changes, so a rate hovering at the threshold does not flap.
// Checking again while the alert is open refreshes its message; it does not add occurrences.

export const ERROR_RATE_WINDOW = 20;
export const ERROR_RATE_MIN_EXECUTIONS = 5;
export const ERROR_RATE_OPEN_AT = 0.5;
export const ERROR_RATE_RESOLVE_BELOW = 0.25;

export interface ErrorRateResult {
  total: number;
  failed: number;
  rate: number;
  action: "opened" | "updated" | "resolved" | "none";
}

export const errorRateFingerprint = (flowId: string) => `flow:${flowId}:error_rate`;

export async function checkErrorRate(db: Queryable, flowId: string, workspaceId: string, now: Date = new Date()): Promise<ErrorRateResult> {
  const recent = await db
    .select({ status: executions.status })
    .from(executions)
    .where(
      and(
        eq(executions.flowId, flowId),
        eq(executions.workspaceId, workspaceId),
        inArray(executions.status, ["succeeded", "failed"]),
        eq(executions.dryRun, false),
      ),
    )
    // As the (flow_id, created_at desc nulls last) index is built, so it is walked, not sorted.
    .orderBy(sql`${executions.createdAt} desc nulls last`)
    .limit(ERROR_RATE_WINDOW);
  const total = recent.length;
  const failed = recent.filter((r) => r.status === "failed").length;
  const rate = total ? failed / total : 0;
  const fingerprint = errorRateFingerprint(flowId);
  const percent = Math.round(rate * 100);

  if (total >= ERROR_RATE_MIN_EXECUTIONS && rate >= ERROR_RATE_OPEN_AT) {
    const [flow] = await db.select({ name: flows.name }).from(flows).where(and(eq(flows.id, flowId), eq(flows.workspaceId, workspaceId)));
    if (!flow) return { total, failed, rate, action: "none" };
    const message = `${failed} of the last ${total} executions failed (${percent}%).`;
    const details = { failed, total, rate };
    const [row] = await db
      .insert(alerts)
      .values({
        workspaceId,
        flowId,
        kind: "error_rate",
        fingerprint,
        title: `Flow "${flow.name}" is failing often`,
        message,
        details,
        openedAt: now,
      })
      .onConflictDoUpdate({
        target: [alerts.workspaceId, alerts.fingerprint],
        targetWhere: sql`${alerts.status} <> 'resolved'`,
        set: { message, details, updatedAt: now },
      })
      .returning({ inserted: sql<boolean>`(xmax = 0)` });
    return { total, failed, rate, action: row?.inserted ? "opened" : "updated" };
  }
  if (rate < ERROR_RATE_RESOLVE_BELOW) {
    const resolved = await db
      .update(alerts)
      .set({ status: "resolved", resolvedAt: now, updatedAt: now })
      .where(and(eq(alerts.workspaceId, workspaceId), eq(alerts.fingerprint, fingerprint), sql`${alerts.status} <> 'resolved'`))
      .returning({ id: alerts.id });
    return { total, failed, rate, action: resolved.length ? "resolved" : "none" };
  }
  return { total, failed, rate, action: "none" };
}

/** Checks every flow that finished a (non-dry) execution since `since`; for the tick. */
export async function checkRecentErrorRates(db: Queryable, since: Date, now: Date = new Date()): Promise<number> {
  const flowsToCheck = await db
    .selectDistinct({ flowId: executions.flowId, workspaceId: executions.workspaceId })
    .from(executions)
    .where(
      and(
        gte(executions.createdAt, new Date(since.getTime() - 7 * 24 * 3_600_000)),
        gte(executions.completedAt, since),
        inArray(executions.status, ["succeeded", "failed"]),
        eq(executions.dryRun, false),
      ),
    )
    .limit(500);
  for (const { flowId, workspaceId } of flowsToCheck) await checkErrorRate(db, flowId, workspaceId, now);
  return flowsToCheck.length;
}
