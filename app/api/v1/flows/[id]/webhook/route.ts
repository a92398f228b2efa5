// GET /api/v1/flows/{id}/webhook — the flow's webhook settings (its URL is shown only when made)
import { apiRoute, json } from "@/lib/api/route";
import { getWebhook } from "@/lib/webhooks/events-service";

export const GET = apiRoute<{ id: string }>({}, async ({ params, principal }) => json(await getWebhook(principal, params.id)));
