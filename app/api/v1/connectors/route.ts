// GET, POST /api/v1/connectors — the catalog (built-in and this workspace's custom connectors); add a custom one
import { apiRoute, json } from "@/lib/api/route";
import { readJson } from "@/lib/api/request";
import { customConnectorSchema } from "@/lib/connections/custom-connector";
import { createCustomConnector } from "@/lib/connections/manage-custom-connectors";
import { presentConnector } from "@/lib/connections/present-connector";
import { listCustomConnectors } from "@/lib/connections/resolve-connector";
import { listConnectors } from "@/lib/connectors/registry";

export const GET = apiRoute({}, async ({ principal, db }) => {
  const custom = await db((tx) => listCustomConnectors(tx, principal.workspaceId));
  const all = [...listConnectors().map((def) => ({ def })), ...custom];
  return json({ data: all.map(presentConnector) });
});

export const POST = apiRoute({ minRole: "admin" }, async ({ request, principal }) => {
  const input = await readJson(request, customConnectorSchema);
  return json(await createCustomConnector(principal, input), 201);
});
