import { sampleOf } from "../sample-of";
import { slot, type FlowTemplate } from "../template-types";

export const shopifyOrderToSheets: FlowTemplate = {
  slug: "shopify-order-to-google-sheets",
  name: "Shopify order → Google Sheets row",
  description: "Append a row to a spreadsheet for every Shopify order: order number, customer email, total, currency and status.",
  connectors: ["shopify", "google-sheets"],
  triggerLabel: "Shopify webhook (orders/create)",
  slots: [{ key: "sheets", connector: "google-sheets", label: "Google account" }],
  afterCreate: [
    "Subscribe the flow's webhook URL to the orders/create topic in Shopify and paste the app's signing secret on the trigger.",
    "Set the spreadsheet id (from its URL) in the “Append to sheet” step.",
  ],
  definition: {
    name: "Shopify order → Google Sheets row",
    description: "Logs each Shopify order in a spreadsheet.",
    trigger: { type: "webhook", signature: { scheme: "shopify" }, sample: sampleOf("shopify") },
    steps: [
      {
        key: "order",
        name: "Shape the order",
        type: "transform",
        mapping: {
          fields: {
            number: "trigger.body.name",
            email: { from: "trigger.body.email", transforms: [{ type: "trim" }, { type: "lowercase" }] },
            total: { from: "trigger.body.total_price", transforms: [{ type: "number" }, { type: "default", value: 0 }] },
            currency: "trigger.body.currency",
            status: "trigger.body.financial_status",
            items: "$sum(trigger.body.line_items.quantity)",
            created_at: "trigger.body.created_at",
          },
        },
      },
      {
        key: "append_to_sheet",
        name: "Append to sheet",
        type: "action",
        connector: "google-sheets",
        action: "append_row",
        connection: slot("sheets"),
        input: {
          spreadsheet_id: "<your spreadsheet id>",
          range: "Orders!A:G",
          values: [
            "{{ steps.order.output.number }}",
            "{{ steps.order.output.email }}",
            "{{ steps.order.output.total }}",
            "{{ steps.order.output.currency }}",
            "{{ steps.order.output.status }}",
            "{{ steps.order.output.items }}",
            "{{ steps.order.output.created_at }}",
          ],
        },
      },
    ],
  },
};
