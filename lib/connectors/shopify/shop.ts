import type { CredentialField, Credentials } from "../types";

// Each shop is its own host; credentials go to that shop only.
// https://shopify.dev/docs/api/usage/versioning — quarterly versions, each supported 12 months.
export const SHOPIFY_API_VERSION = "2026-07";

export const shopField: CredentialField = {
  key: "shop",
  label: "Shop",
  kind: "text",
  required: true,
  placeholder: "acme",
  help: "The name before .myshopify.com in your admin URL.",
  pattern: "^[a-z0-9][a-z0-9-]{0,59}$",
  patternHint: "Use only the shop's name (e.g. acme for acme.myshopify.com): lower-case letters, digits and dashes.",
};

export function shopHost(credentials: Credentials): string {
  return `${credentials.shop}.myshopify.com`;
}
