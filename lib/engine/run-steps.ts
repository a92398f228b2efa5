import type { Step } from "@/lib/flows/definition";
import { Checkpoint, FilteredOut, LeaseLost, StepFailure } from "./outcomes";
import type { RunContext } from "./run-context";
import { stepHandlers } from "./steps";

// Runs a list of steps in order through the handler table keyed by step type (the engine
// never mentions a connector). A step that already succeeded in an earlier run of this
// execution is not run again: its stored output is used.

export interface StepResult {
  output: unknown;
  input?: unknown;
  httpStatus?: number;
  /** Has had an effect outside Junction: its row goes out with the run's next statement (RunContext.sideEffectDone). */
  sideEffect?: boolean;
}

/** `loop[2].child`: a loop iteration's steps get keys of their own. */
export function scopedKey(prefix: string, key: string): string {
  return prefix ? `${prefix}.${key}` : key;
}

export async function runSteps(steps: Step[], ctx: RunContext, prefix = ""): Promise<void> {
  for (const step of steps) await runStep(step, ctx, prefix);
}

export async function runStep(step: Step, ctx: RunContext, prefix = ""): Promise<void> {
  const key = scopedKey(prefix, step.key);
  const position = ctx.position++;
  const done = ctx.done.get(key);
  if (done?.status === "succeeded") {
    ctx.outputs[step.key] = { output: done.output, status: "succeeded" };
    // Containers re-enter their children, which are memoized the same way.
    if (step.type !== "branch" && step.type !== "loop") return;
  }
  ctx.checkBudget();
  await ctx.writeIfOverdue();
  const started = ctx.now();
  const handler = stepHandlers[step.type] as (s: Step, c: RunContext, k: string) => Promise<StepResult>;
  try {
    const result = await handler(step, ctx, key);
    ctx.outputs[step.key] = { output: result.output, status: "succeeded" };
    ctx.record({
      stepKey: key,
      position,
      status: "succeeded",
      input: result.input,
      output: result.output,
      httpStatus: result.httpStatus ?? null,
      durationMs: ctx.now().getTime() - started.getTime(),
      attempt: ctx.execution.attempt,
      startedAt: started,
      completedAt: ctx.now(),
    });
    if (result.sideEffect) ctx.sideEffectDone();
  } catch (error) {
    if (error instanceof Checkpoint || error instanceof FilteredOut || error instanceof LeaseLost) throw error;
    const failure = error instanceof StepFailure ? error : null;
    ctx.record({
      stepKey: key,
      position,
      status: "failed",
      input: failure?.input,
      httpStatus: failure?.details.httpStatus ?? null,
      durationMs: ctx.now().getTime() - started.getTime(),
      attempt: ctx.execution.attempt,
      error: error instanceof Error ? error.message : String(error),
      startedAt: started,
      completedAt: ctx.now(),
    });
    if (step.type === "action" && step.on_error === "continue" && failure) {
      ctx.outputs[step.key] = { output: { error: failure.message }, status: "failed" };
      return;
    }
    throw error;
  }
}
