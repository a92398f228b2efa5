import type { ActionStep } from "@/lib/flows/definition";
import { callAction } from "../call-action";
import { evaluateTemplate } from "../evaluate";
import type { RunContext } from "../run-context";
import type { StepResult } from "../run-steps";

export async function runActionStep(step: ActionStep, ctx: RunContext, key: string): Promise<StepResult> {
  const input = await evaluateTemplate(step.input, ctx.expressionContext(), "input");
  // Anything recorded before a call that writes outside must be on disk first.
  await ctx.beforeSideEffect();
  const result = await callAction(ctx, {
    connector: step.connector,
    action: step.action,
    connection: step.connection,
    input,
    idempotencyKey: `${ctx.execution.id}:${key}`,
  });
  return { input, output: result.output, httpStatus: result.httpStatus, sideEffect: result.sent };
}
