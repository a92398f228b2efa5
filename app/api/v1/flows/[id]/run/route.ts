// POST /api/v1/flows/{id}/run[?dry_run=true] — start an execution with a payload; 202 with its id
import { apiRoute, json } from "@/lib/api/route";
import { readJson } from "@/lib/api/request";
import { runFlowManually, runFlowSchema } from "@/lib/engine/executions-service";
import { kickExecutions } from "@/lib/engine/kick";

export const POST = apiRoute<{ id: string }>({ minRole: "member" }, async ({ request, params, principal }) => {
  const dryRun = new URL(request.url).searchParams.get("dry_run") === "true";
  const hasBody = request.headers.get("content-length") !== "0" && request.body !== null;
  const input = hasBody ? await readJson(request, runFlowSchema) : {};
  const execution = await runFlowManually(principal, params.id, input, { dryRun });
  kickExecutions([execution.id]);
  return json({ execution_id: execution.id, dry_run: dryRun }, 202);
});
