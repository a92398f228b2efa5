import { sampleOf } from "../sample-of";
import { slot, type FlowTemplate } from "../template-types";

export const webhookToRest: FlowTemplate = {
  slug: "webhook-to-rest-api",
  name: "Webhook → REST API",
  description: "Receive any JSON webhook, reshape it with a field mapping, and POST it to your REST API.",
  connectors: ["http"],
  triggerLabel: "Webhook (any service)",
  slots: [{ key: "api", connector: "http", label: "REST API (HTTP connection with its base URL)" }],
  afterCreate: [
    "Send your events to the flow's webhook URL.",
    "Change the path (/events) and the mapping to what your API expects.",
  ],
  definition: {
    name: "Webhook → REST API",
    description: "Forwards each webhook to a REST API, reshaped.",
    trigger: { type: "webhook", sample: sampleOf("http") },
    steps: [
      {
        key: "shape",
        name: "Map the fields",
        type: "transform",
        mapping: {
          fields: {
            event_id: "trigger.body.id",
            type: { from: "trigger.body.type", transforms: [{ type: "lowercase" }] },
            order_id: "trigger.body.data.orderId",
            amount: { from: "trigger.body.data.total", transforms: [{ type: "number" }, { type: "default", value: 0 }] },
          },
        },
      },
      {
        key: "send",
        name: "POST to the API",
        type: "action",
        connector: "http",
        action: "request",
        connection: slot("api"),
        input: { method: "POST", url: "/events", body: "{{ steps.shape.output }}" },
      },
    ],
  },
};
