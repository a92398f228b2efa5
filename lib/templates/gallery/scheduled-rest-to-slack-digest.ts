import { slot, type FlowTemplate } from "../template-types";

export const scheduledDigest: FlowTemplate = {
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
