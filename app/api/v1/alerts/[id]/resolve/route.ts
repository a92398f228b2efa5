// POST /api/v1/alerts/{id}/resolve — close an open or acknowledged alert (409 when already resolved)
import { apiRoute, json } from "@/lib/api/route";
import { resolveAlert } from "@/lib/alerts/manage-alerts";

export const POST = apiRoute<{ id: string }>({ minRole: "member" }, async ({ params, principal }) =>
  json(await resolveAlert(principal, params.id)),
);
