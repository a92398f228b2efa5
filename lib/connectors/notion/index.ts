import { oauth2BearerAuth, secretField, tokenAuth } from "../auth-specs";
import { defineConnector } from "../define";
import { createPage } from "./actions/create-page";
import { queryDatabase } from "./actions/query-database";
import { webhook } from "./triggers/webhook";

export const notion = defineConnector({
  slug: "notion",
  name: "Notion",
  category: "Productivity",
  description: "Create pages and query databases in a Notion workspace.",
  icon: "/connectors/notion.svg",
  docsUrl: "https://developers.notion.com/reference/intro",
  auth: [
    tokenAuth("api_key", "Internal integration secret", [
      secretField("api_key", "Integration secret", {
        placeholder: "ntn_…",
        help: "From your internal integration's settings; share each page or database with it.",
        pattern: "^(ntn_|secret_)[A-Za-z0-9]+$",
        patternHint: "A Notion integration secret starts with ntn_ (or secret_ for older ones).",
      }),
    ]),
    oauth2BearerAuth("Sign in with Notion"),
  ],
  hosts: ["api.notion.com"],
  baseUrl: "https://api.notion.com/v1",
  // 2022-06-28 keeps databases/{id}/query; 2025-09-03 moved queries to data sources.
  defaultHeaders: { "Notion-Version": "2022-06-28" },
  // https://developers.notion.com/reference/get-self
  validate: { path: "/users/me", accountLabel: ["bot.workspace_name", "name"] },
  errors: { messagePaths: ["message", "code"] },
  // https://developers.notion.com/reference/request-limits — an average of three requests a second.
  rateLimit: { requests: 3, perSeconds: 1 },
  retryHeaders: [{ name: "Retry-After", format: "seconds" }],
  envCredentials: { authType: "api_key", variables: { api_key: "NOTION_API_KEY" } },
  // https://developers.notion.com/docs/authorization
  oauth2: {
    authorizeUrl: "https://api.notion.com/v1/oauth/authorize",
    tokenUrl: "https://api.notion.com/v1/oauth/token",
    scopes: [],
    scopeSeparator: " ",
    pkce: false,
    clientIdEnv: "NOTION_CLIENT_ID",
    clientSecretEnv: "NOTION_CLIENT_SECRET",
    tokenAuthMethod: "basic",
    refresh: true,
    authorizeParams: { owner: "user" },
  },
  actions: [createPage, queryDatabase],
  triggers: [webhook],
});
