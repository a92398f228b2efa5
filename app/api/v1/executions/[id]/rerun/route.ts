// POST /api/v1/executions/{id}/rerun — run the same payload again, from the start or the failed step
import { apiRoute, json } from "@/lib/api/route";
import { readJson } from "@/lib/api/request";
import { rerunExecution, rerunSchema } from "@/lib/engine/executions-service";
import { kickExecutions } from "@/lib/engine/kick";

export const POST = apiRoute<{ id: string }>({ minRole: "member" }, async ({ request, params, principal }) => {
  const hasBody = request.headers.get("content-length") !== "0" && request.body !== null;
  const input = hasBody ? await readJson(request, rerunSchema) : {};
  const execution = await rerunExecution(principal, params.id, input);
  kickExecutions([execution.id]);
  return json({ execution_id: execution.id }, 202);
});
