// GET /api/v1/connectors/{slug} — one connector: its auth fields, actions and triggers
import { notFound } from "@/lib/api/errors";
import { apiRoute, json } from "@/lib/api/route";
import { presentConnector } from "@/lib/connections/present-connector";
import { resolveConnector } from "@/lib/connections/resolve-connector";

export const GET = apiRoute<{ slug: string }>({}, async ({ params, principal, db }) => {
  const resolved = await db((tx) => resolveConnector(tx, principal.workspaceId, params.slug));
  if (!resolved) throw notFound(`There is no connector "${params.slug}".`);
  return json(presentConnector(resolved));
});
