// POST /api/v1/alerts/{id}/acknowledge — someone is on it: open → acknowledged (409 otherwise)
import { apiRoute, json } from "@/lib/api/route";
import { acknowledgeAlert } from "@/lib/alerts/manage-alerts";

export const POST = apiRoute<{ id: string }>({ minRole: "member" }, async ({ params, principal }) =>
  json(await acknowledgeAlert(principal, params.id)),
);
