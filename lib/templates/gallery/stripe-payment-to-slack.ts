import { sampleOf } from "../sample-of";
import { slot, type FlowTemplate } from "../template-types";

export const stripePaymentToSlack: FlowTemplate = {
  slug: "stripe-payment-to-slack",
  name: "Stripe payment → Slack message",
  description: "Post every successful Stripe charge to a Slack channel with its amount, currency and customer.",
  connectors: ["stripe", "slack"],
  triggerLabel: "Stripe webhook (charge.succeeded)",
  slots: [{ key: "slack", connector: "slack", label: "Slack workspace" }],
  afterCreate: [
    "Add the flow's webhook URL as an endpoint in the Stripe dashboard and paste its signing secret (whsec_…) on the trigger.",
    "Pick the Slack channel in the “Post to Slack” step.",
  ],
  definition: {
    name: "Stripe payment → Slack message",
    description: "Posts each successful Stripe charge to Slack.",
    trigger: { type: "webhook", signature: { scheme: "stripe" }, sample: sampleOf("stripe") },
    steps: [
      { key: "only_payments", name: "Only successful charges", type: "filter", condition: 'trigger.body.type = "charge.succeeded"' },
      {
        key: "post_to_slack",
        name: "Post to Slack",
        type: "action",
        connector: "slack",
        action: "send_message",
        connection: slot("slack"),
        input: {
          channel: "#payments",
          text: "💰 Payment of {{ $formatNumber(trigger.body.data.object.amount / 100, '#,##0.00') }} {{ $uppercase(trigger.body.data.object.currency) }} from {{ trigger.body.data.object.customer }} ({{ trigger.body.data.object.id }})",
        },
      },
    ],
  },
};
