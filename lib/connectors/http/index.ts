import { secretField, tokenAuth } from "../auth-specs";
import { defineConnector } from "../define";
import type { CredentialField } from "../types";
import { request } from "./actions/request";
import { hmacWebhook, standardWebhook, webhook } from "./triggers/webhooks";

const baseUrl: CredentialField = {
  key: "base_url",
  label: "Base URL",
  kind: "url",
  required: true,
  placeholder: "https://api.example.com/v1",
  help: "Requests with a relative URL go here; credentials are only ever sent to this host.",
};

// The generic REST connector: a connection is a base URL plus optional auth.
export const http = defineConnector({
  slug: "http",
  name: "HTTP",
  category: "Developer tools",
  description: "Call any REST API, with or without a connection holding its base URL and credentials.",
  icon: "/connectors/http.svg",
  docsUrl: "https://developer.mozilla.org/en-US/docs/Web/HTTP",
  auth: [
    { type: "none", label: "No auth", fields: [baseUrl], inject: { in: "none" } },
    {
      type: "api_key",
      label: "API key header",
      fields: [
        baseUrl,
        {
          key: "header_name",
          label: "Header name",
          kind: "text",
          required: true,
          default: "X-API-Key",
          pattern: "^[A-Za-z0-9!#$%&'*+.^_`|~-]+$",
          patternHint: "A header name holds letters, digits and !#$%&'*+.^_`|~- only.",
        },
        secretField("api_key", "API key"),
      ],
      inject: { in: "header", name: "{header_name}", value: "{api_key}" },
    },
    tokenAuth("bearer", "Bearer token", [baseUrl, secretField("token", "Token")]),
    {
      type: "basic",
      label: "Username and password",
      fields: [
        baseUrl,
        { key: "username", label: "Username", kind: "text", required: true },
        secretField("password", "Password"),
      ],
      inject: { in: "basic", username: "{username}", password: "{password}" },
    },
  ],
  // The base URL's host is the one host these credentials may reach.
  hosts: (credentials) => (credentials.base_url ? [new URL(credentials.base_url).hostname] : []),
  baseUrl: (credentials) => credentials.base_url,
  errors: { messagePaths: ["error.message", "message", "error", "detail"] },
  rateLimit: { requests: 10, perSeconds: 1 },
  retryHeaders: [{ name: "Retry-After", format: "date-or-seconds" }],
  actions: [request],
  triggers: [webhook, hmacWebhook, standardWebhook],
});
