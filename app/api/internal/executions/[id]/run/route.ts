// POST /api/internal/executions/[id]/run — claim one queued execution and run it in this function (fan-out)
import { after } from "next/server";
import { handleRunRequest } from "@/lib/engine/run-request";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";
/** Vercel's limit for this function; the run's budget (JUNCTION_RUN_BUDGET_MS) ends well before it. */
export const maxDuration = 300;

export async function POST(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  return handleRunRequest(request, await context.params, { defer: after, maxDurationMs: maxDuration * 1000 });
}
