import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { channelCreateSchema, channelSchema, channelTestResultSchema } from "@/lib/alerts/channels";
import { alertSchema, ALERT_STATUSES } from "@/lib/alerts/manage-alerts";
import { errorResponses } from "./workspace";

const ok = (description: string, schema: z.ZodType) => ({ description, content: { "application/json": { schema } } });
const idParam = { path: z.object({ id: z.string().uuid() }) };

export const alertPaths: ZodOpenApiPathsObject = {
  "/api/v1/alerts": {
    get: {
      operationId: "listAlerts",
      summary: "This workspace's alerts, newest first",
      requestParams: {
        query: z.object({
          status: z.string().optional().meta({ description: `One or more of ${ALERT_STATUSES.join(", ")}, comma-separated` }),
          limit: z.number().int().min(1).max(200).optional(),
        }),
      },
      responses: { "200": ok("Alerts", z.object({ data: z.array(alertSchema) })), ...errorResponses(400, 401, 429) },
    },
  },
  "/api/v1/alerts/{id}": {
    get: {
      operationId: "getAlert",
      summary: "One alert",
      requestParams: idParam,
      responses: { "200": ok("The alert", alertSchema), ...errorResponses(401, 404, 429) },
    },
  },
  "/api/v1/alerts/{id}/acknowledge": {
    post: {
      operationId: "acknowledgeAlert",
      summary: "Acknowledge an open alert (member)",
      requestParams: idParam,
      responses: { "200": ok("The alert", alertSchema), ...errorResponses(401, 403, 404, 409, 429) },
    },
  },
  "/api/v1/alerts/{id}/resolve": {
    post: {
      operationId: "resolveAlert",
      summary: "Resolve an open or acknowledged alert (member); a resolution message goes out",
      requestParams: idParam,
      responses: { "200": ok("The alert", alertSchema), ...errorResponses(401, 403, 404, 409, 429) },
    },
  },
  "/api/v1/notification-channels": {
    get: {
      operationId: "listNotificationChannels",
      summary: "This workspace's notification channels, never their secrets (member)",
      responses: { "200": ok("Channels", z.object({ data: z.array(channelSchema) })), ...errorResponses(401, 403, 429) },
    },
    post: {
      operationId: "createNotificationChannel",
      summary: "Add a Slack, Discord, email (SendGrid) or signed webhook channel (admin); a webhook's signing secret is returned once",
      requestBody: { content: { "application/json": { schema: channelCreateSchema } } },
      responses: { "201": ok("The channel", channelSchema), ...errorResponses(400, 401, 403, 413, 415, 429) },
    },
  },
  "/api/v1/notification-channels/{id}": {
    delete: {
      operationId: "deleteNotificationChannel",
      summary: "Remove a channel (admin)",
      requestParams: idParam,
      responses: { "204": { description: "Deleted" }, ...errorResponses(401, 403, 404, 429) },
    },
  },
  "/api/v1/notification-channels/{id}/test": {
    post: {
      operationId: "testNotificationChannel",
      summary: "Send a test message through the channel now (admin)",
      requestParams: idParam,
      responses: { "200": ok("Delivered", channelTestResultSchema), ...errorResponses(401, 403, 404, 429, 502) },
    },
  },
};
