import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { ApiError, errorResponse, fromZodError, toErrorResponse } from "@/lib/api/errors";
import { getDb } from "@/lib/db/client";
import { executions } from "@/lib/db/schema";
import type { Db } from "@/lib/db/types";
import { loadEnv } from "@/lib/env";
import { isShuttingDown, trackWork } from "@/lib/shutdown";
import { runBudgetWithin, type DeclineReason, type RunAnswer } from "./fan-out-target";
import { checkInternalAuthorization } from "./internal-auth";
import type { Defer } from "./kick";
import { claimExecutions, type ExecutionRow } from "./queue";
import { runExecution } from "./run-execution";

// What POST /api/internal/executions/{id}/run does: claim exactly that execution (the same
// SKIP LOCKED claim and lease as every worker), answer 202 at once, and run it after the
// answer with a budget of its own. The caller (a tick, a kick) never holds a connection for
// a whole run. Anything that cannot be claimed is answered 404/409 and nothing runs.

export const runRequestParamsSchema = z.object({ id: z.uuid("must be an execution id (a UUID)") });

export interface RunRequestOptions {
  /**
   * Runs the task after the response (Next's after(): waitUntil on Vercel). When it throws
   * (called outside a request scope) the run happens before answering instead.
   */
  defer: Defer;
  /** The function's own limit; the run's budget ends well before it. */
  maxDurationMs: number;
}

const DECLINES: Record<DeclineReason, { status: number; message: string }> = {
  unknown: { status: 404, message: "No execution has this id." },
  running: { status: 409, message: "The execution is already claimed by another worker." },
  finished: { status: 409, message: "The execution has already finished." },
  not_due: { status: 409, message: "The execution is waiting (a retry or a delay) and may not run yet." },
};

const answer = (body: RunAnswer, status: number) => Response.json(body, { status, headers: { "cache-control": "no-store" } });

export async function handleRunRequest(request: Request, params: unknown, options: RunRequestOptions): Promise<Response> {
  try {
    const denied = checkInternalAuthorization(request);
    if (denied) return errorResponse(denied);
    const parsed = runRequestParamsSchema.safeParse(params);
    if (!parsed.success) return errorResponse(fromZodError(parsed.error));
    const id = parsed.data.id;
    // A stopping server takes nothing new: the dispatcher counts the call failed and the
    // execution stays queued for the next tick.
    if (isShuttingDown()) {
      return errorResponse(new ApiError(503, "shutting_down", "This server is stopping; the execution stays queued.", {}, { "Retry-After": "5" }));
    }

    const db = await getDb();
    const owner = `run:${process.pid}:${randomUUID().slice(0, 8)}`;
    const [execution] = await claimExecutions(db, { owner, limit: 1, ids: [id] });
    if (!execution) {
      const reason = await whyNotClaimable(db, id);
      return answer({ execution_id: id, started: false, reason, message: DECLINES[reason].message }, DECLINES[reason].status);
    }

    const budgetMs = runBudgetWithin(options.maxDurationMs, loadEnv().JUNCTION_RUN_BUDGET_MS);
    // Tracked, so a server stopping waits for it (lib/shutdown.ts).
    const run = () => trackWork(runClaimed(db, execution, owner, budgetMs));
    try {
      options.defer(run);
    } catch {
      await run();
    }
    return answer({ execution_id: id, started: true }, 202);
  } catch (error) {
    return toErrorResponse(error);
  }
}

async function runClaimed(db: Db, execution: ExecutionRow, owner: string, budgetMs: number): Promise<void> {
  try {
    await runExecution(db, execution, { owner, budgetMs });
  } catch (error) {
    // The claim's lease runs out and the tick puts the execution back in the queue.
    console.error(`[engine] execution ${execution.id} could not be run:`, error instanceof Error ? error.name : "unknown");
  }
}

/** Why the claim took nothing: the execution is unknown, finished, someone else's or not due. */
async function whyNotClaimable(db: Db, id: string): Promise<DeclineReason> {
  const [row] = await db
    .select({ status: executions.status, waiting: sql<boolean>`coalesce(${executions.runAfter} > now(), false)` })
    .from(executions)
    .where(eq(executions.id, id));
  if (!row) return "unknown";
  if (row.status === "succeeded" || row.status === "failed" || row.status === "cancelled") return "finished";
  if (row.status === "retrying" || (row.status === "queued" && row.waiting)) return "not_due";
  // Running, or queued and due but locked by a claim in progress: someone else has it.
  return "running";
}
