// GET /api/v1/executions/{id} — one execution with its step log
import { apiRoute, json } from "@/lib/api/route";
import { getExecution } from "@/lib/engine/executions-service";

export const GET = apiRoute<{ id: string }>({}, async ({ params, principal }) => json(await getExecution(principal, params.id)));
