import type { LoopStep } from "@/lib/flows/definition";
import { evaluateExpression } from "../evaluate";
import { NonRetriableError } from "../outcomes";
import type { RunContext } from "../run-context";
import { runSteps, type StepResult } from "../run-steps";

export async function runLoopStep(step: LoopStep, ctx: RunContext, key: string): Promise<StepResult> {
  const items = await evaluateExpression(step.items, ctx.expressionContext(), "items");
  if (!Array.isArray(items)) throw new NonRetriableError(`items: expected a list, got ${items === null ? "null" : typeof items}.`);
  if (items.length > step.max_iterations) {
    throw new NonRetriableError(`items: ${items.length} items is more than max_iterations (${step.max_iterations}).`);
  }
  const outer = ctx.scope;
  const results: Record<string, unknown>[] = [];
  try {
    for (let index = 0; index < items.length; index++) {
      ctx.scope = { ...outer, item: items[index], index };
      await runSteps(step.steps, ctx, `${key}[${index}]`);
      results.push(Object.fromEntries(step.steps.map((s) => [s.key, ctx.outputs[s.key]?.output])));
    }
  } finally {
    ctx.scope = outer;
  }
  return { output: { iterations: items.length, results } };
}
