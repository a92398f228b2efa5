import type { FilterStep } from "@/lib/flows/definition";
import { evaluateExpression, truthy } from "../evaluate";
import { FilteredOut } from "../outcomes";
import type { RunContext } from "../run-context";
import type { StepResult } from "../run-steps";

export async function runFilterStep(step: FilterStep, ctx: RunContext): Promise<StepResult> {
  const passed = truthy(await evaluateExpression(step.condition, ctx.expressionContext(), "condition"));
  if (!passed) {
    ctx.record({
      stepKey: step.key,
      position: ctx.position - 1,
      status: "succeeded",
      output: { passed: false },
      durationMs: 0,
      attempt: ctx.execution.attempt,
      startedAt: ctx.now(),
      completedAt: ctx.now(),
    });
    throw new FilteredOut(step.key);
  }
  return { output: { passed: true } };
}
