// GET /api/v1/executions?flow_id=&status=&limit=&cursor= — newest first, keyset-paginated
import { apiRoute, json } from "@/lib/api/route";
import { listExecutions } from "@/lib/engine/executions-service";

export const GET = apiRoute({}, async ({ request, principal }) => {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  return json(await listExecutions(principal, query));
});
