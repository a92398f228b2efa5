// GET, POST /api/v1/connections — list this workspace's connections; connect with typed credentials
import { apiRoute, json } from "@/lib/api/route";
import { readJson } from "@/lib/api/request";
import { listConnectionRows } from "@/lib/connections/connection-queries";
import { connectionCreateSchema, createConnection } from "@/lib/connections/manage-connections";
import { presentConnection } from "@/lib/connections/present";

export const GET = apiRoute({}, async ({ principal, db }) => {
  const rows = await db((tx) => listConnectionRows(tx, principal.workspaceId));
  return json({ data: rows.map((row) => presentConnection(row)) });
});

export const POST = apiRoute({ minRole: "member" }, async ({ request, principal }) => {
  const input = await readJson(request, connectionCreateSchema);
  return json(await createConnection(principal, input), 201);
});
