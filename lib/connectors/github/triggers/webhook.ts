import { defineTrigger } from "../../define";

// https://docs.github.com/en/webhooks/using-webhooks/validating-webhook-deliveries
export const webhook = defineTrigger({
  key: "webhook",
  name: "Webhook event",
  description: "Runs for each repository or organization webhook delivery (issues, pushes, pull requests…).",
  docsUrl: "https://docs.github.com/en/webhooks/webhook-events-and-payloads",
  signature: { scheme: "github", header: "X-Hub-Signature-256", algorithm: "sha256", encoding: "hex", prefix: "sha256=" },
  eventId: { header: "X-GitHub-Delivery" },
  eventType: { header: "X-GitHub-Event" },
  sample: {
    action: "opened",
    issue: { number: 42, title: "Checkout fails on Safari", state: "open", html_url: "https://github.com/acme/shop/issues/42", user: { login: "octo" } },
    repository: { full_name: "acme/shop" },
    sender: { login: "octo" },
  },
});
