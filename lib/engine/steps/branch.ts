import type { BranchStep } from "@/lib/flows/definition";
import { evaluateExpression, truthy } from "../evaluate";
import type { RunContext } from "../run-context";
import { runSteps, type StepResult } from "../run-steps";

export async function runBranchStep(step: BranchStep, ctx: RunContext, key: string): Promise<StepResult> {
  const remembered = ctx.done.get(key)?.output as { branch?: "then" | "else" } | undefined;
  // A retry follows the branch the first run chose, even if the data changed since.
  const branch = remembered?.branch ?? (truthy(await evaluateExpression(step.condition, ctx.expressionContext(), "condition")) ? "then" : "else");
  await runSteps(branch === "then" ? step.then : step.else, ctx);
  return { output: { branch } };
}
