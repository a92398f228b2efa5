import { eq, sql } from "drizzle-orm";
import { alerts, executionSteps } from "@/lib/db/schema";
import { loadEnv } from "@/lib/env";
import type { Db } from "@/lib/db/types";
import { flowVersionDefinition } from "@/lib/flows/flow-store";
import type { FlowDefinition } from "@/lib/flows/definition";
import { Checkpoint, FilteredOut, LeaseLost, StepFailure } from "./outcomes";
import { finishExecution, failureFingerprint, type FinishValues } from "./finish-execution";
import { isFirstClaim, type ExecutionRow } from "./queue";
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

async function openFailureAlert(db: Db, execution: ExecutionRow, definition: FlowDefinition, message: string): Promise<void> {
  await db
    .insert(alerts)
    .values({
      workspaceId: execution.workspaceId,
      flowId: execution.flowId,
      kind: "execution_failed",
      fingerprint: failureFingerprint(execution.flowId),
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

export async function runExecution(
  db: Db,
  execution: ExecutionRow,
  options: Partial<RunOptions> & { owner: string },
): Promise<RunOutcome> {
  const clock = options.clock ?? Date.now;
  const definition = await definitionOf(db, execution.flowId, execution.flowVersion);
  // A first claim has no step rows to pick up (see isFirstClaim): no need to read them.
  const done = isFirstClaim(execution) ? new Map<string, DoneStep>() : await doneSteps(db, execution.id);
  const ctx = new RunContext(db, execution, definition, done, {
    owner: options.owner,
    budgetMs: options.budgetMs ?? loadEnv().JUNCTION_RUN_BUDGET_MS,
    clock,
    env: options.env,
    leaseMs: options.leaseMs,
  });
  const durationMs = () => clock() - (execution.startedAt?.getTime() ?? ctx.startedAt);
  // Every ending writes the rows not yet written in the same statement, under the lease.
  const finish = (values: FinishValues, finishOptions?: { resolveAlert?: boolean }) =>
    ctx.withRows((rows) => finishExecution(db, execution, options.owner, values, rows, finishOptions));

  try {
    await runSteps(definition.steps, ctx);
  } catch (error) {
    if (error instanceof LeaseLost) return "lost";
    if (error instanceof FilteredOut) {
      const ok = await finish({ status: "succeeded", completedAt: ctx.now(), durationMs: durationMs() }, { resolveAlert: !execution.dryRun });
      return ok ? "succeeded" : "lost";
    }
    if (error instanceof Checkpoint) {
      const ok = await finish({ status: "queued", runAfter: error.runAfter });
      return ok ? "requeued" : "lost";
    }
    const failure = error instanceof StepFailure ? error : null;
    // PostgreSQL text cannot hold U+0000, and an error message may quote a response body.
    const message = (error instanceof Error ? error.message : String(error)).replaceAll("\u0000", "\ufffd");
    if (!(error instanceof StepFailure)) {
      // Not a step's own failure: a bug or the database. Logged without details that may hold data.
      console.error(`[engine] execution ${execution.id} stopped by an unexpected error:`, error instanceof Error ? error.name : "unknown");
    }
    const retryAt =
      failure?.transient && !execution.dryRun
        ? nextRetryAt(execution.attempt, definition.retry, ctx.now(), failure.details.retryAfterMs)
        : null;
    if (retryAt) {
      const ok = await finish({ status: "retrying", attempt: execution.attempt + 1, nextRetryAt: retryAt, errorMessage: message });
      return ok ? "retrying" : "lost";
    }
    const ok = await finish({ status: "failed", errorMessage: message, completedAt: ctx.now(), durationMs: durationMs() });
    if (ok && !execution.dryRun) {
      await openFailureAlert(db, execution, definition, message);
      if (definition.on_error.length) await runErrorSteps(ctx, message);
    }
    return ok ? "failed" : "lost";
  }
  const ok = await finish(
    { status: "succeeded", errorMessage: null, completedAt: ctx.now(), durationMs: durationMs() },
    { resolveAlert: !execution.dryRun },
  );
  return ok ? "succeeded" : "lost";
}

/** The flow's error branch, once the execution has failed for good; its own failure is only logged. */
async function runErrorSteps(ctx: RunContext, message: string): Promise<void> {
  ctx.scope = { error: { message } };
  ctx.enterErrorBranch();
  try {
    await runSteps(ctx.definition.on_error, ctx, "on_error");
  } catch {
    // Recorded as a failed step row; the execution is already failed.
  }
  try {
    await ctx.flush();
  } catch (error) {
    // The execution is gone (deleted meanwhile): there is nothing left to log to.
    if (!(error instanceof LeaseLost)) throw error;
  }
}
