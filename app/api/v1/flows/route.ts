// GET, POST /api/v1/flows — list flows; create one (also how an exported flow is imported)
import { apiRoute, json } from "@/lib/api/route";
import { readJson } from "@/lib/api/request";
import { flowDefinitionSchema } from "@/lib/flows/definition";
import { createFlow, listFlows } from "@/lib/flows/flow-store";
import { presentFlow, presentFlowSummary } from "@/lib/flows/present-flow";
import { publicOrigin } from "@/lib/api/site-origin";

export const GET = apiRoute({}, async ({ principal }) => json({ data: (await listFlows(principal)).map(presentFlowSummary) }));

export const POST = apiRoute({ minRole: "member" }, async ({ request, principal }) => {
  const input = await readJson(request, flowDefinitionSchema);
  const saved = await createFlow(principal, input);
  const webhook_url = saved.webhookToken ? `${publicOrigin(request)}/api/webhooks/${saved.webhookToken}` : undefined;
  return json(presentFlow(saved.row, saved.definition, webhook_url ? { webhook_url } : {}), 201);
});
