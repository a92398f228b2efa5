import { defineTrigger } from "../../define";

// https://airtable.com/developers/web/api/webhooks-overview — a notification ping signed with
// X-Airtable-Content-MAC: hmac-sha256=<hex>, keyed by the base64-decoded macSecretBase64.
// The ping carries no change data and no event id (deliveries are deduplicated by body).
export const webhook = defineTrigger({
  key: "webhook",
  name: "Base changed",
  description: "Runs when a webhook created on a base reports changes; fetch them with the webhook's payloads endpoint.",
  docsUrl: "https://airtable.com/developers/web/api/webhooks-overview",
  signature: {
    scheme: "generic-hmac",
    header: "X-Airtable-Content-MAC",
    algorithm: "sha256",
    encoding: "hex",
    prefix: "hmac-sha256=",
    secretEncoding: "base64",
  },
  sample: { base: { id: "appAbCdEfGhIjKlMn" }, webhook: { id: "achAbCdEfGhIjKlMn" }, timestamp: "2026-01-01T12:00:00.000Z" },
});
