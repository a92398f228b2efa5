// POST /api/v1/connections/{id}/validate — check the stored credentials with the service now
import { apiRoute, json } from "@/lib/api/route";
import { validateConnection } from "@/lib/connections/manage-connections";

export const POST = apiRoute<{ id: string }>({ minRole: "member" }, async ({ params, principal }) =>
  json(await validateConnection(principal, params.id)),
);
