import { defineTrigger } from "../../define";

// https://shopify.dev/docs/apps/build/webhooks/subscribe/https — X-Shopify-Hmac-Sha256 is the
// base64 HMAC-SHA256 of the raw body; X-Shopify-Webhook-Id stays the same across retries.
export const webhook = defineTrigger({
  key: "webhook",
  name: "Webhook event",
  description: "Runs for each webhook topic the shop sends (orders/create, customers/update…).",
  docsUrl: "https://shopify.dev/docs/apps/build/webhooks",
  signature: { scheme: "shopify", header: "X-Shopify-Hmac-Sha256", algorithm: "sha256", encoding: "base64" },
  eventId: { header: "X-Shopify-Webhook-Id" },
  eventType: { header: "X-Shopify-Topic" },
  sample: {
    id: 820982911946154500,
    name: "#1042",
    email: "jon@example.com",
    created_at: "2026-01-01T12:00:00-05:00",
    total_price: "199.00",
    currency: "USD",
    financial_status: "paid",
    line_items: [{ title: "Canvas tote", quantity: 2, price: "99.50" }],
  },
});
