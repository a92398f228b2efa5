import { randomUUID } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import { z } from "zod";
import { forbidden, fromZodError, notFound, ValidationError } from "@/lib/api/errors";
import { roleAtLeast, type Actor } from "@/lib/auth/types";
import { executionSteps, executions } from "@/lib/db/schema";
import { asSystem, withUser } from "@/lib/db/scope";
import { loadFlow } from "@/lib/flows/flow-store";
import { walkSteps } from "@/lib/flows/definition";
import { Checkpoint, FilteredOut } from "./outcomes";
import { RunContext } from "./run-context";
import { runStep } from "./run-steps";
import type { ExecutionRow } from "./queue";

// "Test step": run one step of a flow against the last trigger sample (or a given payload) and
// the outputs earlier steps produced in the flow's last execution, and show the result in
// place. Nothing is recorded as an execution. With dry_run, a write is shown, not sent.

export const testStepSchema = z
  .strictObject({ payload: z.json().optional(), dry_run: z.boolean().default(false) })
  .meta({ id: "TestStep" });

const TESTABLE = new Set(["action", "transform", "filter"]);

export async function testStep(actor: Actor, flowId: string, stepKey: string, raw: unknown) {
  if (!roleAtLeast(actor.role, "member")) throw forbidden("Viewers cannot test steps.");
  const parsed = testStepSchema.safeParse(raw ?? {});
  if (!parsed.success) throw fromZodError(parsed.error);
  const { row, definition } = await withUser({ userId: actor.userId, email: actor.email }, (tx) =>
    loadFlow(tx, actor.workspaceId, flowId),
  );
  const step = walkSteps(definition.steps).find((s) => s.step.key === stepKey && !s.parent)?.step;
  if (!step) throw notFound(`The flow has no top-level step "${stepKey}".`);
  if (!TESTABLE.has(step.type)) throw new ValidationError(`A ${step.type} step cannot be tested on its own; dry-run the flow instead.`);

  return asSystem(async (db) => {
    const [last] = await db
      .select()
      .from(executions)
      .where(and(eq(executions.workspaceId, actor.workspaceId), eq(executions.flowId, flowId)))
      .orderBy(desc(executions.createdAt))
      .limit(1);
    const sample = definition.trigger.type !== "schedule" ? definition.trigger.sample : undefined;
    const trigger =
      parsed.data.payload !== undefined
        ? { body: parsed.data.payload, headers: {}, query: {} }
        : (last?.triggerPayload ?? { body: sample ?? {}, headers: {}, query: {} });
    const earlier = last
      ? await db
          .select({ key: executionSteps.stepKey, status: executionSteps.status, output: executionSteps.output })
          .from(executionSteps)
          .where(and(eq(executionSteps.executionId, last.id), eq(executionSteps.status, "succeeded")))
      : [];
    const now = new Date();
    const execution = {
      id: randomUUID(),
      workspaceId: actor.workspaceId,
      flowId,
      flowVersion: row.version,
      triggerType: "test",
      triggerPayload: trigger,
      dryRun: parsed.data.dry_run,
      attempt: 1,
      status: "running",
      createdAt: now,
      startedAt: now,
    } as unknown as ExecutionRow;
    const ctx = new RunContext(db, execution, definition, new Map(), {
      owner: "step-test",
      budgetMs: 30_000,
      clock: Date.now,
      persist: false,
    });
    for (const e of earlier) if (e.key !== stepKey) ctx.outputs[e.key] = { output: e.output, status: "succeeded" };
    let stopped: string | undefined;
    try {
      await runStep(step, ctx);
    } catch (error) {
      if (error instanceof FilteredOut) stopped = error.message;
      else if (error instanceof Checkpoint) stopped = error.message;
      else if (!(error instanceof Error)) throw error;
    }
    const result = ctx.recorded().find((r) => r.stepKey === stepKey);
    return {
      step: stepKey,
      status: result?.status ?? (stopped ? "succeeded" : "failed"),
      input: result?.input ?? null,
      output: result?.output ?? null,
      http_status: result?.httpStatus ?? null,
      duration_ms: result?.durationMs ?? 0,
      error: result?.error ?? null,
      ...(stopped ? { note: stopped } : {}),
      sample: last ? { execution_id: last.id } : { from: parsed.data.payload !== undefined ? "payload" : "trigger sample" },
    };
  });
}
