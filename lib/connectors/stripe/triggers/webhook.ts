import { defineTrigger } from "../../define";

// https://docs.stripe.com/webhooks#verify-events — Stripe-Signature: t=…,v1=HMAC-SHA256("{t}.{body}").
export const webhook = defineTrigger({
  key: "webhook",
  name: "Webhook event",
  description: "Runs for each event Stripe sends to the endpoint (payments, customers, invoices…).",
  docsUrl: "https://docs.stripe.com/webhooks",
  signature: { scheme: "stripe", header: "Stripe-Signature", algorithm: "sha256", encoding: "hex", toleranceSeconds: 300 },
  eventId: { path: "id" },
  eventType: { path: "type" },
  sample: {
    id: "evt_1Example",
    object: "event",
    type: "charge.succeeded",
    created: 1767225600,
    livemode: false,
    data: { object: { id: "ch_1Example", object: "charge", amount: 2500, currency: "usd", customer: "cus_Example", paid: true } },
  },
});
