import { and, eq, sql, inArray } from "drizzle-orm";
import { decodeCursor, encodeCursor, type Cursor } from "@/lib/executions/cursor";
import { atText, beforeCursor } from "@/lib/executions/list-page";
import { z } from "zod";
import { conflict, forbidden, fromZodError, notFound } from "@/lib/api/errors";
import { roleAtLeast, type Actor } from "@/lib/auth/types";
import { executionSteps, executions, flows } from "@/lib/db/schema";
import { withUser } from "@/lib/db/scope";
import type { Tx } from "@/lib/db/types";
import { loadFlow } from "@/lib/flows/flow-store";
import { enqueueExecution, type ExecutionRow } from "./queue";

// What people do with executions: start one by hand, list and read them with their step
// logs, re-run from the start or from the failed step, and cancel.

const asUser = <T>(actor: Actor, fn: (tx: Tx) => Promise<T>) => withUser({ userId: actor.userId, email: actor.email }, fn);
const isUuid = (id: string) => z.string().uuid().safeParse(id).success;

export const runFlowSchema = z.strictObject({ payload: z.json().default({}) }).meta({ id: "RunFlow" });
export const rerunSchema = z
  .strictObject({
    from: z.enum(["start", "failed_step"]).default("start"),
    version: z.enum(["original", "current"]).default("original"),
  })
  .meta({ id: "Rerun" });
/** The earlier `<ms>_<id>` cursors, still accepted so a client paging across an upgrade goes on. */
function legacyCursor(text: string): Cursor | null {
  const match = /^(\d{1,15})_([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/.exec(text);
  const at = match ? new Date(Number(match[1])) : null;
  return match && at && !Number.isNaN(at.getTime()) ? { at: at.toISOString().replace("Z", "000Z"), id: match[2] } : null;
}

export const listExecutionsQuerySchema = z.object({
  flow_id: z.string().uuid().optional(),
  status: z.enum(["queued", "running", "succeeded", "failed", "retrying", "cancelled"]).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** The `next_cursor` of the previous page. */
  cursor: z
    .string()
    .transform((text, ctx) => decodeCursor(text) ?? legacyCursor(text) ?? (ctx.addIssue({ code: "custom", message: "is not a cursor from this API" }), z.NEVER))
    .optional(),
});

export function presentExecution(row: ExecutionRow) {
  return {
    id: row.id,
    flow_id: row.flowId,
    flow_version: row.flowVersion,
    status: row.status,
    trigger_type: row.triggerType,
    dry_run: row.dryRun,
    attempt: row.attempt,
    next_retry_at: row.nextRetryAt?.toISOString() ?? null,
    error_message: row.errorMessage,
    records_processed: row.recordsProcessed,
    rerun_of: row.rerunOf,
    recoveries: row.recoveries,
    created_at: row.createdAt.toISOString(),
    started_at: row.startedAt?.toISOString() ?? null,
    completed_at: row.completedAt?.toISOString() ?? null,
    duration_ms: row.durationMs,
  };
}

type StepRow = typeof executionSteps.$inferSelect;
export function presentStep(row: StepRow) {
  return {
    key: row.stepKey,
    position: row.position,
    status: row.status,
    http_status: row.httpStatus,
    duration_ms: row.durationMs,
    attempt: row.attempt,
    error: row.error,
    input: row.input,
    output: row.output,
    output_bytes: row.outputBytes,
    output_truncated: row.outputTruncated,
    started_at: row.startedAt?.toISOString() ?? null,
    completed_at: row.completedAt?.toISOString() ?? null,
  };
}

export async function runFlowManually(
  actor: Actor,
  flowId: string,
  raw: unknown,
  options: { dryRun?: boolean } = {},
): Promise<ExecutionRow> {
  if (!roleAtLeast(actor.role, "member")) throw forbidden("Viewers cannot run flows.");
  const parsed = runFlowSchema.safeParse(raw ?? {});
  if (!parsed.success) throw fromZodError(parsed.error);
  return asUser(actor, async (tx) => {
    const { row } = await loadFlow(tx, actor.workspaceId, flowId);
    return enqueueExecution(tx, {
      workspaceId: actor.workspaceId,
      flowId: row.id,
      flowVersion: row.version,
      triggerType: "manual",
      payload: { body: parsed.data.payload, headers: {}, query: {} },
      dryRun: options.dryRun,
    });
  });
}

export async function listExecutions(actor: Actor, rawQuery: unknown) {
  const parsed = listExecutionsQuerySchema.safeParse(rawQuery);
  if (!parsed.success) throw fromZodError(parsed.error);
  const q = parsed.data;
  const conditions = [eq(executions.workspaceId, actor.workspaceId)];
  if (q.flow_id) conditions.push(eq(executions.flowId, q.flow_id));
  if (q.status) conditions.push(eq(executions.status, q.status));
  // The same keyset as the /executions page: microsecond cursors, and the order the indexes
  // are built in (desc nulls last), so a page is an index range, not a sort.
  if (q.cursor) conditions.push(beforeCursor(q.cursor));
  const rows = await asUser(actor, (tx) =>
    tx
      .select({ row: executions, cursorAt: atText })
      .from(executions)
      .where(and(...conditions))
      .orderBy(sql`${executions.createdAt} desc nulls last`, sql`${executions.id} desc nulls last`)
      .limit(q.limit + 1),
  );
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    data: page.map((r) => presentExecution(r.row)),
    next_cursor: rows.length > q.limit && last ? encodeCursor({ at: last.cursorAt, id: last.row.id }) : null,
  };
}

async function loadExecution(tx: Tx, actor: Actor, id: string): Promise<ExecutionRow> {
  if (!isUuid(id)) throw notFound("No such execution.");
  const [row] = await tx
    .select()
    .from(executions)
    .where(and(eq(executions.workspaceId, actor.workspaceId), eq(executions.id, id)));
  if (!row) throw notFound("No such execution.");
  return row;
}

export async function getExecution(actor: Actor, id: string) {
  return asUser(actor, async (tx) => {
    const row = await loadExecution(tx, actor, id);
    const steps = await tx
      .select()
      .from(executionSteps)
      .where(eq(executionSteps.executionId, id))
      .orderBy(executionSteps.position, executionSteps.createdAt);
    return { ...presentExecution(row), trigger_payload: row.triggerPayload, steps: steps.map(presentStep) };
  });
}

/**
 * A new execution of the same trigger payload: from the start, or from the failed step
 * (the steps that succeeded keep their stored outputs and are not run again), on the
 * version the original ran or on the flow's current version.
 */
export async function rerunExecution(actor: Actor, id: string, raw: unknown): Promise<ExecutionRow> {
  if (!roleAtLeast(actor.role, "member")) throw forbidden("Viewers cannot re-run executions.");
  const parsed = rerunSchema.safeParse(raw ?? {});
  if (!parsed.success) throw fromZodError(parsed.error);
  return asUser(actor, async (tx) => {
    const original = await loadExecution(tx, actor, id);
    if (["queued", "running", "retrying"].includes(original.status)) {
      throw conflict(`The execution is still ${original.status}; cancel it or wait for it to finish.`);
    }
    const [flow] = await tx.select().from(flows).where(eq(flows.id, original.flowId));
    if (!flow) throw notFound("The flow of this execution no longer exists.");
    const execution = await enqueueExecution(tx, {
      workspaceId: actor.workspaceId,
      flowId: original.flowId,
      flowVersion: parsed.data.version === "current" ? flow.version : original.flowVersion,
      triggerType: original.triggerType,
      payload: original.triggerPayload,
      eventId: original.eventId,
      dryRun: original.dryRun,
      rerunOf: original.id,
    });
    if (parsed.data.from === "failed_step") {
      await tx.execute(sql`
        insert into execution_steps (workspace_id, execution_id, step_key, position, status, input, output, output_bytes,
                                     output_truncated, http_status, duration_ms, attempt, started_at, completed_at)
        select workspace_id, ${execution.id}, step_key, position, status, input, output, output_bytes,
               output_truncated, http_status, duration_ms, attempt, started_at, completed_at
          from execution_steps where execution_id = ${original.id} and status = 'succeeded'`);
    }
    return execution;
  });
}

export async function cancelExecution(actor: Actor, id: string): Promise<ExecutionRow> {
  if (!roleAtLeast(actor.role, "member")) throw forbidden("Viewers cannot cancel executions.");
  return asUser(actor, async (tx) => {
    const row = await loadExecution(tx, actor, id);
    const [updated] = await tx
      .update(executions)
      .set({ status: "cancelled", leaseOwner: null, leaseUntil: null, completedAt: new Date(), updatedAt: new Date() })
      .where(and(eq(executions.id, row.id), inArray(executions.status, ["queued", "running", "retrying"])))
      .returning();
    if (!updated) throw conflict(`The execution already ended (${row.status}); there is nothing to cancel.`);
    return updated;
  });
}
