import { secretField } from "../auth-specs";
import { defineConnector } from "../define";
import { createCustomer } from "./actions/create-customer";
import { listOrders } from "./actions/list-orders";
import { SHOPIFY_API_VERSION, shopField, shopHost } from "./shop";
import { webhook } from "./triggers/webhook";

// The REST Admin API is legacy since 2024-10 but still served per version; custom apps use it.
export const shopify = defineConnector({
  slug: "shopify",
  name: "Shopify",
  category: "E-commerce",
  description: "List orders and create customers in a Shopify store.",
  icon: "/connectors/shopify.svg",
  docsUrl: "https://shopify.dev/docs/api/admin-rest",
  auth: [
    {
      type: "api_key",
      label: "Admin API access token",
      fields: [
        shopField,
        secretField("access_token", "Admin API access token", {
          placeholder: "shpat_…",
          help: "From a custom app with read_orders and write_customers access.",
          pattern: "^shp(at|ca|pa|ss)_[A-Za-z0-9]+$",
          patternHint: "A Shopify Admin API token starts with shpat_.",
        }),
      ],
      inject: { in: "header", name: "X-Shopify-Access-Token", value: "{access_token}" },
    },
    { type: "oauth2", label: "Install the app", fields: [shopField], inject: { in: "header", name: "X-Shopify-Access-Token", value: "{access_token}" } },
  ],
  hosts: (credentials) => [shopHost(credentials)],
  baseUrl: (credentials) => `https://${shopHost(credentials)}/admin/api/${SHOPIFY_API_VERSION}`,
  // https://shopify.dev/docs/api/admin-rest/latest/resources/shop
  validate: { path: "/shop.json", accountLabel: ["shop.name", "shop.myshopify_domain"] },
  errors: { messagePaths: ["errors", "error"] },
  // https://shopify.dev/docs/api/usage/limits — REST: a 40-request bucket leaking 2/s (more on Plus).
  rateLimit: { requests: 2, perSeconds: 1 },
  retryHeaders: [{ name: "Retry-After", format: "seconds" }],
  envCredentials: { authType: "api_key", variables: { shop: "SHOPIFY_SHOP", access_token: "SHOPIFY_ACCESS_TOKEN" } },
  // https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/authorization-code-grant
  oauth2: {
    authorizeUrl: "https://{shop}.myshopify.com/admin/oauth/authorize",
    tokenUrl: "https://{shop}.myshopify.com/admin/oauth/access_token",
    scopes: ["read_orders", "write_customers"],
    scopeSeparator: ",",
    pkce: false,
    clientIdEnv: "SHOPIFY_CLIENT_ID",
    clientSecretEnv: "SHOPIFY_CLIENT_SECRET",
    tokenAuthMethod: "body",
    refresh: false,
  },
  actions: [listOrders, createCustomer],
  triggers: [webhook],
});
