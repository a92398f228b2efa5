import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/lib/db/types";
import { loadEnv } from "@/lib/env";
import { OutboundError, outboundFetch } from "@/lib/http";
import { dispatchResultOf, ownOriginEntry, runUrl, type FanOutTarget } from "./fan-out-target";

// Fan-out: instead of running executions in the function that noticed them (the tick, a
// webhook's kick), POST each one to this deployment's internal run route, so that every run
// gets a function instance and a time budget of its own. The route claims the execution
// (SKIP LOCKED) and answers at once; a call that fails leaves it queued for the next tick,
// and a call that loses the race to another claim runs nothing.

export interface DispatchReport {
  /** Calls the route accepted: it claimed the execution and runs it. */
  dispatched: number;
  /** Calls the route declined: the execution was someone else's, finished or not due. */
  declined: number;
  /** Calls that failed (network, timeout, 5xx): those executions stay queued. */
  dispatchFailed: number;
}

export interface DispatchOptions {
  /** Calls in flight at once; default 8. */
  concurrency?: number;
  /** Each call's deadline; default 10 s. The route answers after its claim, not after the run. */
  timeoutMs?: number;
  /**
   * No call starts after this (ms since epoch), and none runs past it: the rest stay queued
   * for the next tick, so a slow or hanging route cannot hold the tick past its budget.
   */
  deadline?: number;
}

/** A call is not started with less time than this left before the deadline. */
const MIN_CALL_MS = 500;

/** Per tick; the rest waits for the next tick (or a kick). */
export const DEFAULT_DISPATCH_LIMIT = 100;

export const emptyDispatchReport = (): DispatchReport => ({ dispatched: 0, declined: 0, dispatchFailed: 0 });

/** Queued executions that may run now, oldest first (the claim's own order; nothing is locked). */
export async function pickDispatchable(db: Db, limit: number): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select id from executions
         where status = 'queued' and (run_after is null or run_after <= now())
         order by created_at limit ${Math.max(1, Math.floor(limit))}`,
  );
  return rows.map((r) => r.id);
}

/** The tick's part: pick up to `limit` runnable executions and dispatch them. */
export async function dispatchQueue(
  db: Db,
  target: FanOutTarget,
  options: DispatchOptions & { limit?: number } = {},
): Promise<DispatchReport> {
  return dispatchExecutions(await pickDispatchable(db, options.limit ?? DEFAULT_DISPATCH_LIMIT), target, options);
}

/** POSTs each id to the internal run route, a few at a time. */
export async function dispatchExecutions(ids: readonly string[], target: FanOutTarget, options: DispatchOptions = {}): Promise<DispatchReport> {
  const report = emptyDispatchReport();
  const failures: string[] = [];
  let next = 0;
  const deadline = options.deadline ?? Infinity;
  const worker = async () => {
    while (next < ids.length) {
      const left = deadline - Date.now();
      if (left < MIN_CALL_MS) return;
      const id = ids[next++];
      const answer = await dispatchOne(id, target, Math.min(options.timeoutMs ?? 10_000, left)).catch((error: unknown) => {
        failures.push(error instanceof OutboundError ? error.code : "error");
        return null;
      });
      const result = answer ? dispatchResultOf(answer.status, answer.body) : "failed";
      if (answer && result === "failed") failures.push(`HTTP ${answer.status}`);
      if (result === "dispatched") report.dispatched++;
      else if (result === "declined") report.declined++;
      else report.dispatchFailed++;
    }
  };
  await Promise.all(Array.from({ length: Math.min(ids.length, options.concurrency ?? 8) }, worker));
  if (report.dispatchFailed) {
    console.warn(`[engine] ${report.dispatchFailed} fan-out call(s) failed (${[...new Set(failures)].join(", ")}); those executions stay queued for the next tick`);
  }
  return report;
}

/** The route's answer; throws an OutboundError when there is none. */
async function dispatchOne(id: string, target: FanOutTarget, timeoutMs: number): Promise<{ status: number; body: unknown }> {
  const url = runUrl(target.baseUrl, id);
  const headers: Record<string, string> = { Authorization: `Bearer ${target.secret}` };
  if (target.bypassSecret) headers["x-vercel-protection-bypass"] = target.bypassSecret;
  const allow = (loadEnv().JUNCTION_OUTBOUND_ALLOW ?? "").split(",").map((e) => e.trim()).filter(Boolean);
  const response = await outboundFetch(
    { method: "POST", url },
    {
      // The secret goes only to the deployment's own host, and is scrubbed from any error.
      credentials: { headers, hosts: [url.hostname] },
      // The deployment's own origin, let through on purpose (a self-hosted one may be private).
      allow: [...allow, ownOriginEntry(target.baseUrl)],
      // A redirect here is a login page or a misconfigured base URL, never the route.
      maxRedirects: 0,
      timeoutMs,
      maxResponseBytes: 64 * 1024,
    },
  );
  let body: unknown = null;
  try {
    body = response.json();
  } catch {
    // Not the route's JSON (a proxy's page): dispatchResultOf counts it as failed.
  }
  return { status: response.status, body };
}
