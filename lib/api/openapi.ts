import { createDocument } from "zod-openapi";
import { alertPaths } from "./resources/alerts";
import { connectionPaths } from "./resources/connections";
import { flowPaths } from "./resources/flows";
import { workspacePaths } from "./resources/workspace";

// The OpenAPI document is generated from the same zod schemas the handlers validate with;
// each resource module contributes its paths here.
const resourcePaths = [workspacePaths, connectionPaths, flowPaths, alertPaths];

export function openApiDocument() {
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "Junction API",
      version: "1",
      description:
        "Connections, flows, executions and webhooks of a Junction workspace. Authenticate with a workspace API key: `Authorization: Bearer jct_…`.",
    },
    servers: [{ url: "/" }],
    security: [{ apiKey: [] }],
    components: {
      securitySchemes: { apiKey: { type: "http", scheme: "bearer", description: "A workspace API key (jct_…)." } },
    },
    paths: Object.assign({}, ...resourcePaths),
  });
}
