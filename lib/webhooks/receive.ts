import { toErrorResponse } from "@/lib/api/errors";
import { getDb } from "@/lib/db/client";
import { kickExecutions, type Defer } from "@/lib/engine/kick";
import { loadEnv } from "@/lib/env";
import { ingestWebhook } from "./ingest";

// The answer to a delivery at /api/webhooks/{token}, whoever received it: the Next route
// (next dev, Vercel) or the production server's own listener (lib/webhooks/node-listener.ts).
// 202 with the event and execution ids once both are stored; 200 for a repeat delivery; an
// error answer (404, 405, 413, 401, ...) that changed nothing otherwise. `defer` is how the
// caller runs work after the answer (Next's after(); the plain server's next tick).

export async function receiveWebhook(token: string, request: Request, defer?: Defer): Promise<Response> {
  try {
    const result = await ingestWebhook(await getDb(), token, request);
    if (result.status === 200) {
      return Response.json(
        { duplicate: true, execution_id: result.executionId, dedup_window_seconds: result.windowSeconds },
        { status: 200 },
      );
    }
    if (loadEnv().JUNCTION_WEBHOOK_RUNS === "inline") kickExecutions([result.executionId], defer);
    return Response.json({ event_id: result.eventId, execution_id: result.executionId }, { status: 202 });
  } catch (error) {
    return toErrorResponse(error);
  }
}
