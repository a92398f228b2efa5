import type { ActionStep } from "@/lib/flows/definition";
import { callAction } from "../call-action";
import { StepFailure } from "../outcomes";
import { evaluateTemplate } from "../evaluate";
import type { RunContext } from "../run-context";
import type { StepResult } from "../run-steps";

export async function runActionStep(step: ActionStep, ctx: RunContext, key: string): Promise<StepResult> {
  const input = await evaluateTemplate(step.input, ctx.expressionContext(), "input");
  // Anything recorded before a call that writes outside must be on disk first.
  await ctx.beforeSideEffect();
  let result;
  try {
    result = await callAction(ctx, {
      connector: step.connector,
      action: step.action,
      connection: step.connection,
      input,
      idempotencyKey: `${ctx.execution.id}:${key}`,
    });
  } catch (error) {
    // A failed call is logged with what it was asked to send, as a succeeded one is.
    if (error instanceof StepFailure) error.input = input;
    throw error;
  }
  return { input, output: result.output, httpStatus: result.httpStatus, sideEffect: result.sent };
}
