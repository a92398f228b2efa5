// POST /api/v1/connections/{id}/revoke — destroy the secret and pause the flows that use it
import { apiRoute, json } from "@/lib/api/route";
import { revokeConnection } from "@/lib/connections/manage-connections";

export const POST = apiRoute<{ id: string }>({ minRole: "member" }, async ({ params, principal }) =>
  json(await revokeConnection(principal, params.id)),
);
