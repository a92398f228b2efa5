import type { TransformStep } from "@/lib/flows/definition";
import { applyMapping } from "../evaluate";
import type { RunContext } from "../run-context";
import type { StepResult } from "../run-steps";

export async function runTransformStep(step: TransformStep, ctx: RunContext): Promise<StepResult> {
  const context = ctx.expressionContext();
  return { output: await applyMapping(step.mapping, context, context, "mapping") };
}
