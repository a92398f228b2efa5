// POST /api/v1/flows/{id}/steps/{key}/test — run one step against the last trigger sample and show the result
import { apiRoute, json } from "@/lib/api/route";
import { readJson } from "@/lib/api/request";
import { testStep, testStepSchema } from "@/lib/engine/test-step";

export const POST = apiRoute<{ id: string; key: string }>({ minRole: "member" }, async ({ request, params, principal }) => {
  const hasBody = request.headers.get("content-length") !== "0" && request.body !== null;
  const input = hasBody ? await readJson(request, testStepSchema) : {};
  return json(await testStep(principal, params.id, params.key, input));
});
