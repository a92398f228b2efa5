import { defineTrigger } from "../../define";

// https://developers.notion.com/reference/webhooks — X-Notion-Signature: sha256=HMAC(body) keyed by
// the subscription's verification_token, which Notion posts once to the URL when it is created.
export const webhook = defineTrigger({
  key: "webhook",
  name: "Webhook event",
  description: "Runs for each page, database or comment event of an integration's webhook subscription.",
  docsUrl: "https://developers.notion.com/reference/webhooks",
  signature: { scheme: "generic-hmac", header: "X-Notion-Signature", algorithm: "sha256", encoding: "hex", prefix: "sha256=", secretEncoding: "utf8" },
  eventId: { path: "id" },
  eventType: { path: "type" },
  sample: {
    id: "367cba44-b6f3-4c92-81e7-6a2e9659efd4",
    timestamp: "2026-01-01T12:00:00.000Z",
    workspace_id: "13950b26-c203-4f3b-b97d-93ec06319565",
    type: "page.created",
    entity: { id: "153104cd-477e-809d-8dc4-ff2d96ae3090", type: "page" },
    data: { parent: { id: "13950b26-c203-4f3b-b97d-93ec06319565", type: "database" } },
  },
});
