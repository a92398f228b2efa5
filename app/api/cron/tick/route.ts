// GET /api/cron/tick — one tick of the scheduler (Vercel Cron calls it every minute; see vercel.json)
import { errorResponse, toErrorResponse } from "@/lib/api/errors";
import { getDb } from "@/lib/db/client";
import { fanOutTarget } from "@/lib/engine/fan-out-target";
import { checkCronAuthorization } from "@/lib/scheduler/cron-auth";
import { runTick } from "@/lib/scheduler/tick";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";
/** Vercel's limit for this function; the tick stops claiming work well before it. */
export const maxDuration = 60;
const TICK_BUDGET_MS = 45_000;

export async function GET(request: Request): Promise<Response> {
  try {
    const denied = checkCronAuthorization(request);
    if (denied) return errorResponse(denied);
    // With JUNCTION_FANOUT=on the tick hands runnable executions to the internal run route
    // (a function each) instead of running them here; `junction tick`/`worker` always run in process.
    const report = await runTick(await getDb(), { budgetMs: TICK_BUDGET_MS, fanOut: fanOutTarget() });
    return Response.json(report, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return toErrorResponse(error);
  }
}
