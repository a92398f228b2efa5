// POST /api/v1/executions/{id}/cancel — stop a queued, retrying or running execution
import { apiRoute, json } from "@/lib/api/route";
import { cancelExecution, presentExecution } from "@/lib/engine/executions-service";

export const POST = apiRoute<{ id: string }>({ minRole: "member" }, async ({ params, principal }) =>
  json(presentExecution(await cancelExecution(principal, params.id))),
);
