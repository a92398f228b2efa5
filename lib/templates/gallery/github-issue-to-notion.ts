import { sampleOf } from "../sample-of";
import { slot, type FlowTemplate } from "../template-types";

export const githubIssueToNotion: FlowTemplate = {
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
