import { z } from "zod";
import { loadEnv, type Env } from "@/lib/env";
import { internalRunSecret } from "./internal-auth";

// Where fan-out calls go and what their answers mean. Pure: fan-out.ts makes the calls.

export interface FanOutTarget {
  /** This deployment's base URL: https://$VERCEL_URL on Vercel, else JUNCTION_PUBLIC_URL. */
  baseUrl: string;
  /** Bearer secret of the internal run route. */
  secret: string;
  /** Vercel's Protection Bypass for Automation secret, sent when the deployment has one. */
  bypassSecret?: string;
}

/** The fan-out target when JUNCTION_FANOUT=on; null means run executions in process. */
export function fanOutTarget(env: Env = loadEnv()): FanOutTarget | null {
  if (env.JUNCTION_FANOUT !== "on" || !env.CRON_SECRET) return null;
  // The deployment's own URL first: the call reaches the same code and environment, never
  // another deployment (a preview's call must not land on production's custom domain).
  const baseUrl = env.VERCEL_URL ? `https://${env.VERCEL_URL}` : env.JUNCTION_PUBLIC_URL;
  if (!baseUrl) return null;
  return { baseUrl, secret: internalRunSecret(env.CRON_SECRET), bypassSecret: env.VERCEL_AUTOMATION_BYPASS_SECRET };
}

/** {base}/api/internal/executions/{id}/run; a base with a path keeps it. */
export function runUrl(baseUrl: string, executionId: string): URL {
  const base = new URL(baseUrl);
  if (!base.pathname.endsWith("/")) base.pathname += "/";
  return new URL(`api/internal/executions/${encodeURIComponent(executionId)}/run`, base);
}

/** The `host:port` allow-list entry that lets fan-out calls reach the deployment itself. */
export function ownOriginEntry(baseUrl: string): string {
  const url = new URL(baseUrl);
  return `${url.hostname}:${url.port || (url.protocol === "https:" ? "443" : "80")}`;
}

export type DeclineReason = "unknown" | "running" | "finished" | "not_due";

/** The internal run route's answer (also on its 404 and 409). */
export const runAnswerSchema = z.object({
  execution_id: z.string(),
  started: z.boolean(),
  reason: z.enum(["unknown", "running", "finished", "not_due"]).optional(),
  message: z.string().optional(),
});
export type RunAnswer = z.infer<typeof runAnswerSchema>;

export type DispatchResult = "dispatched" | "declined" | "failed";

/**
 * 202 started: the route claimed the execution and runs it. 404/409 not started: it runs
 * nothing because the execution is unknown, finished, not due or someone else's (nothing to
 * do). Anything else — a 5xx, a login page, another app's 404 — leaves it queued for the next tick.
 */
export function dispatchResultOf(status: number, body: unknown): DispatchResult {
  const answer = runAnswerSchema.safeParse(body);
  if (!answer.success) return "failed";
  if (status === 202 && answer.data.started) return "dispatched";
  if ((status === 404 || status === 409) && !answer.data.started) return "declined";
  return "failed";
}

/** Time left for finishing writes (and the error branch) between a run's budget and the function's limit. */
export const RUN_FINISH_MARGIN_MS = 30_000;

/** A fanned-out run's budget: JUNCTION_RUN_BUDGET_MS, but always ending well before the function's maxDuration. */
export function runBudgetWithin(maxDurationMs: number, runBudgetMs: number): number {
  return Math.max(1_000, Math.min(runBudgetMs, maxDurationMs - RUN_FINISH_MARGIN_MS));
}
