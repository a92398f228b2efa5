// POST /api/v1/notification-channels/{id}/test — send a test message now (admin); 502 if the endpoint refuses
import { apiRoute, json } from "@/lib/api/route";
import { testChannel } from "@/lib/alerts/channels";

export const POST = apiRoute<{ id: string }>({ minRole: "admin" }, async ({ params, principal }) =>
  json(await testChannel(principal, params.id)),
);
