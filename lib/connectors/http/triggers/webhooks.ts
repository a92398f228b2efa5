import { defineTrigger } from "../../define";

const sample = { id: "evt_123", type: "order.created", data: { orderId: "A-1001", total: 42.5 } };

// An unsigned webhook: the 256-bit token in the URL is the only secret.
export const webhook = defineTrigger({
  key: "webhook",
  name: "Webhook (unsigned)",
  description: "Runs for each request to the flow's webhook URL; anyone holding the URL can call it.",
  docsUrl: "https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Methods/POST",
  signature: { scheme: "none" },
  sample,
});

// A body HMAC in a header, as many services send it; header, digest and prefix are adjustable.
export const hmacWebhook = defineTrigger({
  key: "hmac_webhook",
  name: "Webhook signed with HMAC",
  description: "Runs for each request whose body HMAC-SHA256 (hex) matches the header, with the shared secret.",
  docsUrl: "https://www.rfc-editor.org/rfc/rfc2104",
  signature: { scheme: "generic-hmac", header: "X-Signature", algorithm: "sha256", encoding: "hex", prefix: "sha256=", secretEncoding: "utf8" },
  eventId: { header: "X-Request-Id" },
  sample,
});

// https://www.standardwebhooks.com/ — webhook-id, webhook-timestamp, webhook-signature: v1,<base64>,
// signed content "{id}.{timestamp}.{body}", secret whsec_<base64>.
export const standardWebhook = defineTrigger({
  key: "standard_webhook",
  name: "Standard Webhooks",
  description: "Runs for each request signed per the Standard Webhooks spec (Svix, Resend, Clerk, OpenAI…).",
  docsUrl: "https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md",
  signature: {
    scheme: "standard-webhooks",
    header: "webhook-signature",
    idHeader: "webhook-id",
    timestampHeader: "webhook-timestamp",
    algorithm: "sha256",
    encoding: "base64",
    prefix: "v1,",
    secretEncoding: "base64",
    toleranceSeconds: 300,
  },
  eventId: { header: "webhook-id" },
  sample,
});
