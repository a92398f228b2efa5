import { defineConnector } from "../define";
import { googleApi } from "../google";
import { appendRow } from "./actions/append-row";
import { readRange } from "./actions/read-range";

export const googleSheets = defineConnector({
  slug: "google-sheets",
  name: "Google Sheets",
  category: "Data",
  description: "Append rows to and read ranges from Google spreadsheets.",
  icon: "/connectors/google-sheets.svg",
  docsUrl: "https://developers.google.com/workspace/sheets/api/reference/rest",
  ...googleApi(["https://www.googleapis.com/auth/spreadsheets", "https://www.googleapis.com/auth/userinfo.email"]),
  // www.googleapis.com serves the userinfo endpoint used to check the connection.
  hosts: ["sheets.googleapis.com", "www.googleapis.com"],
  baseUrl: "https://sheets.googleapis.com/v4",
  // https://developers.google.com/identity/openid-connect/openid-connect#obtaininguserprofileinformation
  validate: { path: "https://www.googleapis.com/oauth2/v3/userinfo", accountLabel: ["email", "sub"] },
  // https://developers.google.com/workspace/sheets/api/limits — 60 requests per minute per user.
  rateLimit: { requests: 60, perSeconds: 60 },
  actions: [appendRow, readRange],
  triggers: [],
});
