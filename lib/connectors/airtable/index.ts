import { oauth2BearerAuth, secretField, tokenAuth } from "../auth-specs";
import { defineConnector } from "../define";
import { createRecords } from "./actions/create-records";
import { listRecords } from "./actions/list-records";
import { webhook } from "./triggers/webhook";

export const airtable = defineConnector({
  slug: "airtable",
  name: "Airtable",
  category: "Data",
  description: "List and create records in Airtable bases.",
  icon: "/connectors/airtable.svg",
  docsUrl: "https://airtable.com/developers/web/api/introduction",
  auth: [
    tokenAuth("api_key", "Personal access token", [
      secretField("api_key", "Personal access token", {
        placeholder: "pat…",
        help: "Builder hub → Personal access tokens, with data.records:read/write on the bases you use.",
        pattern: "^pat[A-Za-z0-9.]+$",
        patternHint: "An Airtable personal access token starts with pat.",
      }),
    ]),
    oauth2BearerAuth("Sign in with Airtable"),
  ],
  hosts: ["api.airtable.com"],
  baseUrl: "https://api.airtable.com/v0",
  // https://airtable.com/developers/web/api/get-user-id-scopes
  validate: { path: "/meta/whoami", accountLabel: ["email", "id"] },
  errors: { messagePaths: ["error.message", "error.type", "error"] },
  // https://airtable.com/developers/web/api/rate-limits — 5 requests/s per base; 30 s wait after a 429.
  rateLimit: { requests: 5, perSeconds: 1, cooldownSeconds: 30 },
  retryHeaders: [{ name: "Retry-After", format: "seconds" }],
  envCredentials: { authType: "api_key", variables: { api_key: "AIRTABLE_API_KEY" } },
  // https://airtable.com/developers/web/api/oauth-reference — PKCE is required.
  oauth2: {
    authorizeUrl: "https://airtable.com/oauth2/v1/authorize",
    tokenUrl: "https://airtable.com/oauth2/v1/token",
    scopes: ["data.records:read", "data.records:write", "schema.bases:read", "user.email:read"],
    scopeSeparator: " ",
    pkce: true,
    clientIdEnv: "AIRTABLE_CLIENT_ID",
    clientSecretEnv: "AIRTABLE_CLIENT_SECRET",
    tokenAuthMethod: "basic",
    refresh: true,
  },
  actions: [listRecords, createRecords],
  triggers: [webhook],
});
