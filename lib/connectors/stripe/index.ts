import { secretField } from "../auth-specs";
import { defineConnector } from "../define";
import { createCustomer } from "./actions/create-customer";
import { listCharges } from "./actions/list-charges";
import { listCustomers } from "./actions/list-customers";
import { webhook } from "./triggers/webhook";

export const stripe = defineConnector({
  slug: "stripe",
  name: "Stripe",
  category: "Payments",
  description: "List charges and customers and create customers in a Stripe account.",
  icon: "/connectors/stripe.svg",
  docsUrl: "https://docs.stripe.com/api",
  auth: [
    {
      type: "api_key",
      label: "Secret key",
      fields: [
        secretField("api_key", "Secret or restricted key", {
          placeholder: "sk_live_… or rk_live_…",
          help: "Developers → API keys. A restricted key needs Charges and Customers access.",
          pattern: "^(sk|rk)_(test|live)_[A-Za-z0-9]+$",
          patternHint: "A Stripe secret key starts with sk_test_, sk_live_, rk_test_ or rk_live_.",
        }),
      ],
      // https://docs.stripe.com/api/authentication — the key is the basic-auth user, no password.
      inject: { in: "basic", username: "{api_key}", password: "" },
    },
  ],
  hosts: ["api.stripe.com"],
  baseUrl: "https://api.stripe.com/v1",
  // https://docs.stripe.com/api/accounts/retrieve
  validate: { path: "/account", accountLabel: ["settings.dashboard.display_name", "business_profile.name", "email", "id"] },
  errors: { messagePaths: ["error.message", "error.code"] },
  // https://docs.stripe.com/rate-limits — 100/s live, 25/s in test mode.
  rateLimit: { requests: 25, perSeconds: 1 },
  retryHeaders: [{ name: "Retry-After", format: "date-or-seconds" }],
  envCredentials: { authType: "api_key", variables: { api_key: "STRIPE_SECRET_KEY" } },
  actions: [listCharges, createCustomer, listCustomers],
  triggers: [webhook],
});
