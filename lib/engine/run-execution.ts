import { and, eq, sql } from "drizzle-orm";
import { alerts, executionSteps, executions } from "@/lib/db/schema";
import { loadEnv } from "@/lib/env";
import type { Db } from "@/lib/db/types";
import { flowVersionDefinition } from "@/lib/flows/flow-store";
import type { FlowDefinition } from "@/lib/flows/definition";
import { Checkpoint, FilteredOut, LeaseLost, StepFailure } from "./outcomes";
import type { ExecutionRow } from "./queue";
import { nextRetryAt } from "./retry-policy";
import { RunContext, type DoneStep, type RunOptions } from "./run-context";
import { runSteps } from "./run-steps";

// One run of a claimed execution: load the flow version it belongs to, pick up the outputs
// of steps that already succeeded, run the rest in order, and end in exactly one state —
// succeeded, failed, retrying (with next_retry_at), or queued again (a checkpoint). Every
// final write is conditional on still holding the lease, so a run that lost its execution
// (cancelled, or taken over after its lease ran out) changes nothing.

export type RunOutcome = "succeeded" | "failed" | "retrying" | "requeued" | "lost";

/** The default of JUNCTION_RUN_BUDGET_MS. */
export const DEFAULT_BUDGET_MS = 50_000;

// Flow versions never change once written, so their parsed definitions are cached.
const definitions = new Map<string, FlowDefinition>();
const MAX_CACHED_DEFINITIONS = 1000;

async function definitionOf(db: Db, flowId: string, version: number): Promise<FlowDefinition> {
  const key = `${flowId}:${version}`;
  let definition = definitions.get(key);
  if (!definition) {
    definition = await flowVersionDefinition(db, flowId, version);
    if (definitions.size >= MAX_CACHED_DEFINITIONS) definitions.delete(definitions.keys().next().value!);
    definitions.set(key, definition);
  }
  return definition;
}

async function doneSteps(db: Db, executionId: string): Promise<Map<string, DoneStep>> {
  const rows = await db
    .select({ key: executionSteps.stepKey, status: executionSteps.status, output: executionSteps.output })
    .from(executionSteps)
    .where(eq(executionSteps.executionId, executionId));
  return new Map(rows.map((r) => [r.key, { status: r.status, output: r.output }]));
}

/** Updates the execution only if this run still holds it; false when it was lost. */
async function finish(db: Db, execution: ExecutionRow, owner: string, values: Partial<typeof executions.$inferInsert>): Promise<boolean> {
  const rows = await db
    .update(executions)
    .set({ ...values, leaseUntil: null, leaseOwner: null, updatedAt: new Date() })
    .where(and(eq(executions.id, execution.id), eq(executions.status, "running"), eq(executions.leaseOwner, owner)))
    .returning({ id: executions.id });
  return rows.length > 0;
}

async function openFailureAlert(db: Db, execution: ExecutionRow, definition: FlowDefinition, message: string): Promise<void> {
  await db
    .insert(alerts)
    .values({
      workspaceId: execution.workspaceId,
      flowId: execution.flowId,
      kind: "execution_failed",
      fingerprint: `flow:${execution.flowId}:failed`,
      title: `Flow "${definition.name}" failed`,
      message,
      details: { execution_id: execution.id },
    })
    .onConflictDoUpdate({
      target: [alerts.workspaceId, alerts.fingerprint],
      targetWhere: sql`${alerts.status} <> 'resolved'`,
      set: { occurrences: sql`${alerts.occurrences} + 1`, message, details: { execution_id: execution.id }, updatedAt: new Date() },
    });
}

async function resolveFailureAlert(db: Db, execution: ExecutionRow): Promise<void> {
  await db
    .update(alerts)
    .set({ status: "resolved", resolvedAt: new Date(), updatedAt: new Date() })
    .where(
      and(
        eq(alerts.workspaceId, execution.workspaceId),
        eq(alerts.fingerprint, `flow:${execution.flowId}:failed`),
        sql`${alerts.status} <> 'resolved'`,
      ),
    );
}

export async function runExecution(
  db: Db,
  execution: ExecutionRow,
  options: Partial<RunOptions> & { owner: string },
): Promise<RunOutcome> {
  const clock = options.clock ?? Date.now;
  const definition = await definitionOf(db, execution.flowId, execution.flowVersion);
  const ctx = new RunContext(db, execution, definition, await doneSteps(db, execution.id), {
    owner: options.owner,
    budgetMs: options.budgetMs ?? loadEnv().JUNCTION_RUN_BUDGET_MS,
    clock,
    env: options.env,
    leaseMs: options.leaseMs,
  });
  const durationMs = () => clock() - (execution.startedAt?.getTime() ?? ctx.startedAt);

  try {
    await runSteps(definition.steps, ctx);
    await ctx.flush();
  } catch (error) {
    if (error instanceof LeaseLost) return "lost";
    try {
      await ctx.flush();
    } catch (flushError) {
      if (flushError instanceof LeaseLost) return "lost";
      throw flushError;
    }
    if (error instanceof FilteredOut) {
      const ok = await finish(db, execution, options.owner, { status: "succeeded", completedAt: ctx.now(), durationMs: durationMs() });
      if (ok && !execution.dryRun) await resolveFailureAlert(db, execution);
      return ok ? "succeeded" : "lost";
    }
    if (error instanceof Checkpoint) {
      const ok = await finish(db, execution, options.owner, { status: "queued", runAfter: error.runAfter });
      return ok ? "requeued" : "lost";
    }
    const failure = error instanceof StepFailure ? error : null;
    const message = error instanceof Error ? error.message : String(error);
    if (!(error instanceof StepFailure)) {
      // Not a step's own failure: a bug or the database. Logged without details that may hold data.
      console.error(`[engine] execution ${execution.id} stopped by an unexpected error:`, error instanceof Error ? error.name : "unknown");
    }
    const retryAt =
      failure?.transient && !execution.dryRun
        ? nextRetryAt(execution.attempt, definition.retry, ctx.now(), failure.details.retryAfterMs)
        : null;
    if (retryAt) {
      const ok = await finish(db, execution, options.owner, {
        status: "retrying",
        attempt: execution.attempt + 1,
        nextRetryAt: retryAt,
        errorMessage: message,
      });
      return ok ? "retrying" : "lost";
    }
    const ok = await finish(db, execution, options.owner, {
      status: "failed",
      errorMessage: message,
      completedAt: ctx.now(),
      durationMs: durationMs(),
    });
    if (ok && !execution.dryRun) {
      await openFailureAlert(db, execution, definition, message);
      if (definition.on_error.length) await runErrorSteps(ctx, message);
    }
    return ok ? "failed" : "lost";
  }
  const ok = await finish(db, execution, options.owner, {
    status: "succeeded",
    errorMessage: null,
    completedAt: ctx.now(),
    durationMs: durationMs(),
  });
  if (ok && !execution.dryRun) await resolveFailureAlert(db, execution);
  return ok ? "succeeded" : "lost";
}

/** The flow's error branch, once the execution has failed for good; its own failure is only logged. */
async function runErrorSteps(ctx: RunContext, message: string): Promise<void> {
  ctx.scope = { error: { message } };
  try {
    await runSteps(ctx.definition.on_error, ctx, "on_error");
  } catch {
    // Recorded as a failed step row; the execution is already failed.
  } finally {
    await ctx.flush();
  }
}
