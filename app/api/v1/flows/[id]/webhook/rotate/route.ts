// POST /api/v1/flows/{id}/webhook/rotate — a new webhook URL; the old one stops working at once
import { apiRoute, json } from "@/lib/api/route";
import { publicOrigin } from "@/lib/api/site-origin";
import { rotateWebhookToken } from "@/lib/webhooks/events-service";

export const POST = apiRoute<{ id: string }>({ minRole: "member" }, async ({ request, params, principal }) => {
  const token = await rotateWebhookToken(principal, params.id);
  return json({ webhook_url: `${publicOrigin(request)}/api/webhooks/${token}` });
});
