// POST /api/v1/flows/{id}/activate — turn the flow on (its references are checked again)
import { apiRoute, json } from "@/lib/api/route";
import { getFlow, setFlowActive } from "@/lib/flows/flow-store";
import { presentFlow } from "@/lib/flows/present-flow";

export const POST = apiRoute<{ id: string }>({ minRole: "member" }, async ({ params, principal }) => {
  await setFlowActive(principal, params.id, true);
  const { row, definition } = await getFlow(principal, params.id);
  return json(presentFlow(row, definition));
});
