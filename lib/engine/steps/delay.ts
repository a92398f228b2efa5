import type { DelayStep } from "@/lib/flows/definition";
import { Checkpoint } from "../outcomes";
import type { RunContext } from "../run-context";
import type { StepResult } from "../run-steps";

// A delay never sleeps in a function: the first time, it records when to resume and re-queues
// the execution for then; the run that resumes after that moment passes it.
export async function runDelayStep(step: DelayStep, ctx: RunContext, key: string): Promise<StepResult> {
  const waiting = ctx.done.get(key);
  const resumeAt = (waiting?.output as { resume_at?: string } | undefined)?.resume_at;
  if (resumeAt && Date.parse(resumeAt) <= ctx.now().getTime()) return { output: { waited_seconds: step.seconds, resume_at: resumeAt } };
  const at = resumeAt ? new Date(resumeAt) : new Date(ctx.now().getTime() + step.seconds * 1000);
  ctx.record({
    stepKey: key,
    position: ctx.position - 1,
    status: "running",
    output: { resume_at: at.toISOString() },
    durationMs: 0,
    attempt: ctx.execution.attempt,
    startedAt: ctx.now(),
    completedAt: null,
  });
  throw new Checkpoint(`Waiting ${step.seconds} s (delay "${step.key}").`, at);
}
