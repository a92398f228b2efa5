// A flow's health on the health page, from facts the queries gather cheaply (the hourly
// rollup, the flow's last finished run, its unresolved alerts, whether a run waits for a
// retry). The rule, first match wins:
//   error   — the last finished run failed, a run failed and waits for a scheduled retry (its
//             destination is failing now, retries or not), or an alert on the flow is unresolved;
//   warning — at least WARNING_ERROR_RATE of the finished runs of the last 24 hours failed;
//   idle    — the flow is paused, or nothing finished in the last 24 hours;
//   healthy — otherwise.
// A paused flow whose last run failed stays "error": pausing does not fix it.

export const FLOW_HEALTHS = ["error", "warning", "healthy", "idle"] as const;
export type FlowHealth = (typeof FLOW_HEALTHS)[number];

/** 24-hour error rate (failed / (succeeded + failed)) from which a flow is a warning. */
export const WARNING_ERROR_RATE = 0.1;

export interface FlowHealthFacts {
  active: boolean;
  /** Status of the last run that succeeded or failed (cancelled runs are a person's choice, not an outcome). */
  lastFinishedStatus: "succeeded" | "failed" | null;
  /** Open or acknowledged alerts about the flow. */
  unresolvedAlerts: number;
  /** A run of the flow waits for a scheduled retry. */
  retrying: boolean;
  succeeded24h: number;
  failed24h: number;
}

/** failed / (succeeded + failed), or null without finished runs. Cancelled runs do not count. */
export function errorRate(succeeded: number, failed: number): number | null {
  const total = succeeded + failed;
  return total > 0 ? failed / total : null;
}

export function classifyFlowHealth(facts: FlowHealthFacts): FlowHealth {
  if (facts.lastFinishedStatus === "failed" || facts.retrying || facts.unresolvedAlerts > 0) return "error";
  const rate = errorRate(facts.succeeded24h, facts.failed24h);
  if (rate !== null && rate >= WARNING_ERROR_RATE) return "warning";
  if (!facts.active || rate === null) return "idle";
  return "healthy";
}

/** Errors first, then warnings, healthy and idle; within one health the latest run first, then by name. */
export function compareByHealth<T extends { health: FlowHealth; lastRunAt: Date | null; name: string }>(a: T, b: T): number {
  const rank = FLOW_HEALTHS.indexOf(a.health) - FLOW_HEALTHS.indexOf(b.health);
  if (rank !== 0) return rank;
  const at = (a.lastRunAt?.getTime() ?? -Infinity) - (b.lastRunAt?.getTime() ?? -Infinity);
  if (at !== 0 && !Number.isNaN(at)) return at > 0 ? -1 : 1;
  return a.name.localeCompare(b.name);
}
