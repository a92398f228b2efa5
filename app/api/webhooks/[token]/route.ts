// POST (or PUT/GET when enabled) /api/webhooks/[token] — accept an event: stored with its queued execution before the answer
import { toErrorResponse } from "@/lib/api/errors";
import { getDb } from "@/lib/db/client";
import { kickExecutions } from "@/lib/engine/kick";
import { loadEnv } from "@/lib/env";
import { ingestWebhook } from "@/lib/webhooks/ingest";

async function receive(request: Request, { params }: { params: Promise<{ token: string }> }): Promise<Response> {
  try {
    const result = await ingestWebhook(await getDb(), (await params).token, request);
    if (result.status === 200) {
      return Response.json(
        { duplicate: true, execution_id: result.executionId, dedup_window_seconds: result.windowSeconds },
        { status: 200 },
      );
    }
    if (loadEnv().JUNCTION_WEBHOOK_RUNS === "inline") kickExecutions([result.executionId]);
    return Response.json({ event_id: result.eventId, execution_id: result.executionId }, { status: 202 });
  } catch (error) {
    return toErrorResponse(error);
  }
}

export const POST = receive;
export const PUT = receive;
export const GET = receive;
