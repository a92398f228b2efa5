// GET /api/v1/webhook-events/{id} — one event as received: headers, query and raw body
import { apiRoute, json } from "@/lib/api/route";
import { getWebhookEvent } from "@/lib/webhooks/events-service";

export const GET = apiRoute<{ id: string }>({}, async ({ params, principal }) => json(await getWebhookEvent(principal, params.id)));
