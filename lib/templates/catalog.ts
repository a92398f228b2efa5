import { getConnector, getTrigger } from "@/lib/connectors";
import { slot, type FlowTemplate } from "./template-types";

// The gallery's ready-made flows. Each uses real actions of the catalog (lib/connectors) and
// a trigger sample from the source connector, so the builder's data picker has fields to
// offer from the first minute. Values only the user knows are written as <placeholders>,
// which the action's own input check names when the step is tested.

const sampleOf = (connector: string, trigger = "webhook") => getTrigger(connector, trigger)?.sample ?? {};

const stripePaymentToSlack: FlowTemplate = {
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

const githubIssueToNotion: FlowTemplate = {
  slug: "github-issue-to-notion",
  name: "GitHub issue → Notion page",
  description: "Create a page in a Notion database for every new GitHub issue, with its title, number, author and link.",
  connectors: ["github", "notion"],
  triggerLabel: "GitHub webhook (issues opened)",
  slots: [{ key: "notion", connector: "notion", label: "Notion workspace" }],
  afterCreate: [
    "Add the flow's webhook URL to the repository (Settings → Webhooks, event “Issues”) and paste its secret on the trigger.",
    "Set the Notion database id in the “Create Notion page” step; its properties must match the database's columns.",
  ],
  definition: {
    name: "GitHub issue → Notion page",
    description: "Files each new GitHub issue as a Notion page.",
    trigger: { type: "webhook", signature: { scheme: "github" }, sample: sampleOf("github") },
    steps: [
      { key: "only_opened", name: "Only new issues", type: "filter", condition: 'trigger.body.action = "opened" and $exists(trigger.body.issue)' },
      {
        key: "issue",
        name: "Shape the issue",
        type: "transform",
        mapping: {
          fields: {
            title: { from: "trigger.body.issue.title", transforms: [{ type: "trim" }], required: true },
            number: { from: "trigger.body.issue.number", transforms: [{ type: "number" }] },
            url: "trigger.body.issue.html_url",
            author: "trigger.body.issue.user.login",
            repository: "trigger.body.repository.full_name",
          },
        },
      },
      {
        key: "create_notion_page",
        name: "Create Notion page",
        type: "action",
        connector: "notion",
        action: "create_page",
        connection: slot("notion"),
        input: {
          database_id: "<your Notion database id>",
          properties: {
            Name: { title: [{ text: { content: "#{{ steps.issue.output.number }} {{ steps.issue.output.title }}" } }] },
            URL: { url: "{{ steps.issue.output.url }}" },
            Author: { rich_text: [{ text: { content: "{{ steps.issue.output.author }}" } }] },
            Repository: { rich_text: [{ text: { content: "{{ steps.issue.output.repository }}" } }] },
          },
        },
      },
    ],
  },
};

const shopifyOrderToSheets: FlowTemplate = {
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

const airtableToSheets: FlowTemplate = {
  slug: "airtable-to-google-sheets-sync",
  name: "Airtable → Google Sheets sync",
  description: "Every hour, copy new Airtable records into a spreadsheet, one row per record, never the same record twice.",
  connectors: ["airtable", "google-sheets"],
  triggerLabel: "Schedule (every hour)",
  slots: [
    { key: "airtable", connector: "airtable", label: "Airtable account" },
    { key: "sheets", connector: "google-sheets", label: "Google account" },
  ],
  afterCreate: [
    "Set the Airtable base id and table in the sync's source, and the spreadsheet id in its destination.",
    "Adjust the mapping to the table's field names (Name, Email, Status here).",
  ],
  definition: {
    name: "Airtable → Google Sheets sync",
    description: "Copies new Airtable records into a spreadsheet every hour.",
    trigger: { type: "schedule", cron: "0 * * * *", timezone: "UTC" },
    steps: [
      {
        key: "sync_records",
        name: "Sync records",
        type: "sync",
        source: {
          connector: "airtable",
          action: "list_records",
          connection: slot("airtable"),
          input: { base_id: "<your Airtable base id>", table: "Contacts", page_size: 100 },
        },
        mapping: {
          fields: {
            id: "id",
            name: { from: "fields.Name", transforms: [{ type: "trim" }], required: true },
            email: { from: "fields.Email", transforms: [{ type: "trim" }, { type: "lowercase" }] },
            status: { from: "fields.Status", transforms: [{ type: "default", value: "new" }] },
          },
        },
        dedup_key: "id",
        destination: {
          connector: "google-sheets",
          action: "append_row",
          connection: slot("sheets"),
          input: {
            spreadsheet_id: "<your spreadsheet id>",
            range: "Contacts!A:D",
            values: ["{{ record.id }}", "{{ record.name }}", "{{ record.email }}", "{{ record.status }}"],
          },
        },
        batch_size: 1,
      },
    ],
  },
};

const webhookToRest: FlowTemplate = {
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

const scheduledDigest: FlowTemplate = {
  slug: "scheduled-rest-to-slack-digest",
  name: "Scheduled REST → Slack digest",
  description: "Every weekday at 9:00, read a report from your REST API and post a digest of it to Slack.",
  connectors: ["http", "slack"],
  triggerLabel: "Schedule (weekdays 09:00 UTC)",
  slots: [
    { key: "api", connector: "http", label: "REST API (HTTP connection with its base URL)" },
    { key: "slack", connector: "slack", label: "Slack workspace" },
  ],
  afterCreate: [
    "Change the report path (/reports/daily) and the digest's fields to your API's response.",
    "Pick the Slack channel in the “Post the digest” step.",
  ],
  definition: {
    name: "Scheduled REST → Slack digest",
    description: "Posts a daily digest of a REST report to Slack.",
    trigger: { type: "schedule", cron: "0 9 * * 1-5", timezone: "UTC" },
    steps: [
      {
        key: "fetch_report",
        name: "Read the report",
        type: "action",
        connector: "http",
        action: "request",
        connection: slot("api"),
        input: { method: "GET", url: "/reports/daily", query: { date: "{{ $substring(trigger.scheduled_for, 0, 10) }}" } },
      },
      {
        key: "post_digest",
        name: "Post the digest",
        type: "action",
        connector: "slack",
        action: "send_message",
        connection: slot("slack"),
        input: {
          channel: "#daily-digest",
          text: "📊 Daily digest for {{ $substring(trigger.scheduled_for, 0, 10) }}: {{ $count(steps.fetch_report.output.items) }} items\n{{ $join(steps.fetch_report.output.items.('• ' & $string(title)), '\n') }}",
        },
      },
    ],
  },
};

export const FLOW_TEMPLATES: readonly FlowTemplate[] = [
  stripePaymentToSlack,
  githubIssueToNotion,
  shopifyOrderToSheets,
  airtableToSheets,
  webhookToRest,
  scheduledDigest,
];

export function getTemplate(slug: string): FlowTemplate | undefined {
  return FLOW_TEMPLATES.find((t) => t.slug === slug);
}

/** Name and icon of each connector a template shows, from the catalog. */
export function templateConnectors(template: FlowTemplate): { slug: string; name: string; icon: string }[] {
  return template.connectors.flatMap((slug) => {
    const def = getConnector(slug);
    return def ? [{ slug, name: def.name, icon: def.icon }] : [];
  });
}
