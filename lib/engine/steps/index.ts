import type { Step } from "@/lib/flows/definition";
import type { RunContext } from "../run-context";
import type { StepResult } from "../run-steps";
import { runActionStep } from "./action";
import { runBranchStep } from "./branch";
import { runDelayStep } from "./delay";
import { runFilterStep } from "./filter";
import { runLoopStep } from "./loop";
import { runSyncStep } from "./sync";
import { runTransformStep } from "./transform";

type Handlers = { [K in Step["type"]]: (step: Extract<Step, { type: K }>, ctx: RunContext, key: string) => Promise<StepResult> };

/** The engine dispatches on the step type through this table, never through a switch elsewhere. */
export const stepHandlers: Handlers = {
  action: runActionStep,
  transform: runTransformStep,
  filter: runFilterStep,
  branch: runBranchStep,
  loop: runLoopStep,
  delay: runDelayStep,
  sync: runSyncStep,
};
