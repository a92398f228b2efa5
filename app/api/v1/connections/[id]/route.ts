// GET, PATCH /api/v1/connections/{id} — one connection (with the flows using it); rename it
import { apiRoute, json } from "@/lib/api/route";
import { readJson } from "@/lib/api/request";
import { connectionUpdateSchema, getConnection, updateConnection } from "@/lib/connections/manage-connections";

export const GET = apiRoute<{ id: string }>({}, async ({ params, principal }) => json(await getConnection(principal, params.id)));

export const PATCH = apiRoute<{ id: string }>({ minRole: "member" }, async ({ request, params, principal }) => {
  const input = await readJson(request, connectionUpdateSchema);
  return json(await updateConnection(principal, params.id, input));
});
