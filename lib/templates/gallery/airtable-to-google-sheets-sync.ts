import { slot, type FlowTemplate } from "../template-types";

export const airtableToSheets: FlowTemplate = {
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
