import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { customConnectorSchema } from "@/lib/connections/custom-connector";
import { connectionCreateSchema, connectionUpdateSchema } from "@/lib/connections/manage-connections";
import { connectionSchema } from "@/lib/connections/present";
import { connectorSchema } from "@/lib/connections/present-connector";
import { errorResponses } from "./workspace";

const ok = (description: string, schema: z.ZodType) => ({ description, content: { "application/json": { schema } } });
const body = (schema: z.ZodType) => ({ content: { "application/json": { schema } } });
const idParam = { path: z.object({ id: z.string().uuid() }) };

export const connectionPaths: ZodOpenApiPathsObject = {
  "/api/v1/connectors": {
    get: {
      operationId: "listConnectors",
      summary: "The catalog: built-in connectors and this workspace's custom ones",
      responses: { "200": ok("Connectors", z.object({ data: z.array(connectorSchema) })), ...errorResponses(401, 429) },
    },
    post: {
      operationId: "createCustomConnector",
      summary: "Add a custom connector for an internal or unlisted API (admin)",
      requestBody: body(customConnectorSchema),
      responses: { "201": ok("The connector", connectorSchema), ...errorResponses(400, 401, 403, 409, 413, 415, 429) },
    },
  },
  "/api/v1/connectors/{slug}": {
    get: {
      operationId: "getConnector",
      summary: "One connector with its auth fields, actions and triggers",
      requestParams: { path: z.object({ slug: z.string() }) },
      responses: { "200": ok("The connector", connectorSchema), ...errorResponses(401, 404, 429) },
    },
  },
  "/api/v1/connections": {
    get: {
      operationId: "listConnections",
      summary: "This workspace's connections (never their secrets)",
      responses: { "200": ok("Connections", z.object({ data: z.array(connectionSchema) })), ...errorResponses(401, 429) },
    },
    post: {
      operationId: "createConnection",
      summary: "Connect a service with typed credentials; they are checked with the service first",
      requestBody: body(connectionCreateSchema),
      responses: { "201": ok("The connection", connectionSchema), ...errorResponses(400, 401, 403, 409, 413, 415, 429, 502) },
    },
  },
  "/api/v1/connections/{id}": {
    get: {
      operationId: "getConnection",
      summary: "One connection, with the flows that use it",
      requestParams: idParam,
      responses: { "200": ok("The connection", connectionSchema), ...errorResponses(401, 404, 429) },
    },
    patch: {
      operationId: "updateConnection",
      summary: "Rename a connection or set its own rate limit",
      requestParams: idParam,
      requestBody: body(connectionUpdateSchema),
      responses: { "200": ok("The connection", connectionSchema), ...errorResponses(400, 401, 403, 404, 409, 429) },
    },
  },
  "/api/v1/connections/{id}/validate": {
    post: {
      operationId: "validateConnection",
      summary: "Check the stored credentials with the service now and record the result",
      requestParams: idParam,
      responses: { "200": ok("The connection", connectionSchema), ...errorResponses(401, 403, 404, 409, 429, 502) },
    },
  },
  "/api/v1/connections/{id}/revoke": {
    post: {
      operationId: "revokeConnection",
      summary: "Destroy the secret and pause every flow that uses the connection",
      requestParams: idParam,
      responses: {
        "200": ok("The revoked connection", connectionSchema.extend({ paused_flows: z.array(z.string().uuid()) })),
        ...errorResponses(401, 403, 404, 429),
      },
    },
  },
};
