import { eq, sql } from "drizzle-orm";
import { connections, flowHourlyStats } from "@/lib/db/schema";
import type { Queryable } from "@/lib/db/types";
import type { WorkspaceStats } from "./workspace-stats";

// The dashboard's checklist for a new workspace, each step checked from real data: a
// connection exists, a flow exists, a flow is active, a run has finished (the rollup keeps
// finished, non-dry runs even after retention deletes the executions).

export interface OnboardingStep {
  key: "connect" | "create" | "activate" | "run";
  title: string;
  description: string;
  href: string;
  action: string;
  done: boolean;
}

export interface OnboardingFacts {
  hasConnection: boolean;
  hasFlow: boolean;
  hasActiveFlow: boolean;
  hasFinishedRun: boolean;
}

export async function onboardingFacts(q: Queryable, workspaceId: string, stats: WorkspaceStats): Promise<OnboardingFacts> {
  const [connection] = await q.select({ one: sql`1` }).from(connections).where(eq(connections.workspaceId, workspaceId)).limit(1);
  const [run] = await q.select({ one: sql`1` }).from(flowHourlyStats).where(eq(flowHourlyStats.workspaceId, workspaceId)).limit(1);
  return {
    hasConnection: Boolean(connection),
    hasFlow: stats.flows > 0,
    hasActiveFlow: stats.activeFlows > 0,
    hasFinishedRun: Boolean(run),
  };
}

export function onboardingSteps(facts: OnboardingFacts): OnboardingStep[] {
  return [
    {
      key: "connect",
      title: "Connect a service",
      description: "Save the API key or sign in to an account your flows will use.",
      href: "/connectors",
      action: "Browse connectors",
      done: facts.hasConnection,
    },
    {
      key: "create",
      title: "Create a flow",
      description: "Pick a trigger and the steps that should happen after it.",
      href: "/flows/new",
      action: "Create flow",
      done: facts.hasFlow,
    },
    {
      key: "activate",
      title: "Activate it",
      description: "An active flow runs on its webhook or schedule.",
      href: "/flows",
      action: "Open flows",
      done: facts.hasActiveFlow,
    },
    {
      key: "run",
      title: "See a first run",
      description: "Trigger the flow or run it by hand, then watch its steps.",
      href: "/executions",
      action: "Open executions",
      done: facts.hasFinishedRun,
    },
  ];
}

/** The checklist shows until every step is done. */
export const onboardingComplete = (steps: readonly OnboardingStep[]) => steps.every((s) => s.done);
