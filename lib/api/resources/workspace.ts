import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { errorBodySchema } from "../errors";

export const workspaceSchema = z
  .object({
    id: z.string().uuid(),
    name: z.string(),
    role: z.enum(["owner", "admin", "member", "viewer"]).meta({ description: "The caller's role in the workspace." }),
    retention_days: z.number().int(),
    members: z.number().int(),
    created_at: z.string().datetime({ offset: true }),
  })
  .meta({ id: "Workspace" });

export type WorkspaceResponse = z.infer<typeof workspaceSchema>;

const errors = (...statuses: number[]) =>
  Object.fromEntries(
    statuses.map((s) => [
      String(s),
      { description: "Error", content: { "application/json": { schema: errorBodySchema } } },
    ]),
  );

export { errors as errorResponses };

export const workspacePaths: ZodOpenApiPathsObject = {
  "/api/v1/workspace": {
    get: {
      operationId: "getWorkspace",
      summary: "The workspace the API key (or session) belongs to",
      responses: {
        "200": { description: "The workspace", content: { "application/json": { schema: workspaceSchema } } },
        ...errors(401, 403, 429),
      },
    },
  },
};

export const workspaceUpdateSchema = z
  .strictObject({
    name: z.string().trim().min(1, "must not be empty").max(100, "must be at most 100 characters").optional(),
    retention_days: z.number().int().min(1).max(3650).optional(),
  })
  .refine((v) => v.name !== undefined || v.retention_days !== undefined, "send name or retention_days")
  .meta({ id: "WorkspaceUpdate" });

workspacePaths["/api/v1/workspace"].patch = {
  operationId: "updateWorkspace",
  summary: "Rename the workspace or change how long executions are kept (admin)",
  requestBody: { content: { "application/json": { schema: workspaceUpdateSchema } } },
  responses: {
    "200": { description: "The updated workspace", content: { "application/json": { schema: workspaceSchema } } },
    ...errors(400, 401, 403, 413, 415, 429),
  },
};
