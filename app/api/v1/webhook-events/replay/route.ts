// POST /api/v1/webhook-events/replay — run one or many received events again, as new executions
import { apiRoute, json } from "@/lib/api/route";
import { readJson } from "@/lib/api/request";
import { kickExecutions } from "@/lib/engine/kick";
import { replaySchema, replayWebhookEvents } from "@/lib/webhooks/events-service";

export const POST = apiRoute({ minRole: "member" }, async ({ request, principal }) => {
  const ids = await replayWebhookEvents(principal, await readJson(request, replaySchema));
  kickExecutions(ids);
  return json({ execution_ids: ids }, 202);
});
