// GET /api/v1/webhook-events?flow_id=&limit=&cursor= — received events, newest first
import { apiRoute, json } from "@/lib/api/route";
import { listWebhookEvents } from "@/lib/webhooks/events-service";

export const GET = apiRoute({}, async ({ request, principal }) =>
  json(await listWebhookEvents(principal, Object.fromEntries(new URL(request.url).searchParams))),
);
