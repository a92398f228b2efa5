import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { listExecutionsQuerySchema, rerunSchema, runFlowSchema } from "@/lib/engine/executions-service";
import { testStepSchema } from "@/lib/engine/test-step";
import { flowDefinitionSchema } from "@/lib/flows/definition";
import { errorResponses } from "./workspace";

const ok = (description: string, schema: z.ZodType = z.object({}).passthrough()) => ({
  description,
  content: { "application/json": { schema } },
});
const body = (schema: z.ZodType) => ({ content: { "application/json": { schema } } });
const id = { path: z.object({ id: z.string().uuid() }) };
const accepted = ok("Accepted: the execution is queued", z.object({ execution_id: z.string().uuid() }));

const stepSchema = z.object({
  key: z.string(),
  status: z.string(),
  http_status: z.number().nullable(),
  duration_ms: z.number().nullable(),
  attempt: z.number(),
  error: z.string().nullable(),
  input: z.unknown(),
  output: z.unknown(),
});
const executionSchema = z
  .object({
    id: z.string().uuid(),
    flow_id: z.string().uuid(),
    flow_version: z.number(),
    status: z.enum(["queued", "running", "succeeded", "failed", "retrying", "cancelled"]),
    attempt: z.number(),
    next_retry_at: z.string().nullable(),
    error_message: z.string().nullable(),
    records_processed: z.number(),
    steps: z.array(stepSchema).optional(),
  })
  .meta({ id: "Execution" });

export const flowPaths: ZodOpenApiPathsObject = {
  "/api/v1/flows": {
    get: { operationId: "listFlows", summary: "This workspace's flows", responses: { "200": ok("Flows"), ...errorResponses(401, 429) } },
    post: {
      operationId: "createFlow",
      summary: "Create a flow (also imports an exported one); a webhook flow's URL is answered once",
      requestBody: body(flowDefinitionSchema),
      responses: { "201": ok("The flow"), ...errorResponses(400, 401, 403, 413, 415, 429) },
    },
  },
  "/api/v1/flows/{id}": {
    get: { operationId: "getFlow", summary: "One flow", requestParams: id, responses: { "200": ok("The flow"), ...errorResponses(401, 404) } },
    put: {
      operationId: "updateFlow",
      summary: "Save an edit as a new version",
      requestParams: id,
      requestBody: body(flowDefinitionSchema),
      responses: { "200": ok("The flow"), ...errorResponses(400, 401, 403, 404) },
    },
    delete: { operationId: "deleteFlow", summary: "Delete a flow", requestParams: id, responses: { "204": { description: "Deleted" }, ...errorResponses(401, 403, 404) } },
  },
  "/api/v1/flows/{id}/activate": {
    post: { operationId: "activateFlow", summary: "Turn a flow on", requestParams: id, responses: { "200": ok("The flow"), ...errorResponses(400, 401, 403, 404) } },
  },
  "/api/v1/flows/{id}/deactivate": {
    post: { operationId: "deactivateFlow", summary: "Turn a flow off", requestParams: id, responses: { "200": ok("The flow"), ...errorResponses(401, 403, 404) } },
  },
  "/api/v1/flows/{id}/export": {
    get: { operationId: "exportFlow", summary: "The flow as portable JSON", requestParams: id, responses: { "200": ok("The definition", flowDefinitionSchema), ...errorResponses(401, 404) } },
  },
  "/api/v1/flows/{id}/run": {
    post: {
      operationId: "runFlow",
      summary: "Run a flow by hand with a payload (?dry_run=true: reads happen, writes are only shown)",
      requestParams: { ...id, query: z.object({ dry_run: z.enum(["true", "false"]).optional() }) },
      requestBody: body(runFlowSchema),
      responses: { "202": accepted, ...errorResponses(400, 401, 403, 404, 415) },
    },
  },
  "/api/v1/flows/{id}/steps/{key}/test": {
    post: {
      operationId: "testStep",
      summary: "Run one step against the last trigger sample, without recording an execution",
      requestParams: { path: z.object({ id: z.string().uuid(), key: z.string() }) },
      requestBody: body(testStepSchema),
      responses: { "200": ok("The step's result"), ...errorResponses(400, 401, 403, 404) },
    },
  },
  "/api/v1/executions": {
    get: {
      operationId: "listExecutions",
      summary: "Executions, newest first, with keyset pagination (next_cursor)",
      requestParams: { query: listExecutionsQuerySchema },
      responses: { "200": ok("A page", z.object({ data: z.array(executionSchema), next_cursor: z.string().nullable() })), ...errorResponses(400, 401) },
    },
  },
  "/api/v1/executions/{id}": {
    get: { operationId: "getExecution", summary: "One execution with its step log", requestParams: id, responses: { "200": ok("The execution", executionSchema), ...errorResponses(401, 404) } },
  },
  "/api/v1/executions/{id}/rerun": {
    post: {
      operationId: "rerunExecution",
      summary: "Run the same payload again, from the start or the failed step, on the original or current version",
      requestParams: id,
      requestBody: body(rerunSchema),
      responses: { "202": accepted, ...errorResponses(400, 401, 403, 404, 409) },
    },
  },
  "/api/v1/executions/{id}/cancel": {
    post: { operationId: "cancelExecution", summary: "Cancel a queued, retrying or running execution", requestParams: id, responses: { "200": ok("The execution", executionSchema), ...errorResponses(401, 403, 404, 409) } },
  },
};
