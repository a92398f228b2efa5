// GET /api/v1/flows/{id}/export — the flow as a portable JSON document (POST it to /api/v1/flows to import)
import { apiRoute, json } from "@/lib/api/route";
import { getFlow } from "@/lib/flows/flow-store";
import { exportFlow } from "@/lib/flows/present-flow";

export const GET = apiRoute<{ id: string }>({}, async ({ params, principal }) => {
  const { row, definition } = await getFlow(principal, params.id);
  return json(exportFlow(definition, row.isActive), 200, {
    "Content-Disposition": `attachment; filename="flow-${row.id}.json"`,
  });
});
