// GET, PUT, DELETE /api/v1/flows/{id} — read a flow; save an edit as a new version; delete it
import { apiRoute, json } from "@/lib/api/route";
import { readJson } from "@/lib/api/request";
import { flowDefinitionSchema } from "@/lib/flows/definition";
import { deleteFlow, getFlow, updateFlow } from "@/lib/flows/flow-store";
import { presentFlow } from "@/lib/flows/present-flow";
import { publicOrigin } from "@/lib/api/site-origin";

type Params = { id: string };

export const GET = apiRoute<Params>({}, async ({ params, principal }) => {
  const { row, definition } = await getFlow(principal, params.id);
  return json(presentFlow(row, definition));
});

export const PUT = apiRoute<Params>({ minRole: "member" }, async ({ request, params, principal }) => {
  const input = await readJson(request, flowDefinitionSchema);
  const saved = await updateFlow(principal, params.id, input);
  const webhook_url = saved.webhookToken ? `${publicOrigin(request)}/api/webhooks/${saved.webhookToken}` : undefined;
  return json(presentFlow(saved.row, saved.definition, webhook_url ? { webhook_url } : {}));
});

export const DELETE = apiRoute<Params>({ minRole: "member" }, async ({ params, principal }) => {
  await deleteFlow(principal, params.id);
  return new Response(null, { status: 204 });
});
