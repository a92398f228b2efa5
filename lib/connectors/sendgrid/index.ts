import { secretField, tokenAuth } from "../auth-specs";
import { defineConnector } from "../define";
import { sendEmail } from "./actions/send-email";

// No webhook trigger: the Event Webhook is signed with ECDSA, which no scheme here verifies yet.
export const sendgrid = defineConnector({
  slug: "sendgrid",
  name: "SendGrid",
  category: "Email",
  description: "Send transactional email through Twilio SendGrid.",
  icon: "/connectors/sendgrid.svg",
  docsUrl: "https://www.twilio.com/docs/sendgrid/api-reference",
  auth: [
    tokenAuth("api_key", "API key", [
      secretField("api_key", "API key", {
        placeholder: "SG.…",
        help: "Settings → API Keys, with Mail Send access.",
        pattern: "^SG\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$",
        patternHint: "A SendGrid API key looks like SG.xxxx.yyyy.",
      }),
    ]),
  ],
  hosts: ["api.sendgrid.com"],
  baseUrl: "https://api.sendgrid.com/v3",
  // https://www.twilio.com/docs/sendgrid/api-reference/api-key-permissions/retrieve-a-list-of-scopes-for-which-this-user-has-access
  validate: { path: "/scopes" },
  errors: { messagePaths: ["errors.0.message", "error"] },
  // https://www.twilio.com/docs/sendgrid/api-reference/how-to-use-the-sendgrid-v3-api/rate-limits
  rateLimit: { requests: 600, perSeconds: 60 },
  retryHeaders: [{ name: "X-RateLimit-Reset", format: "epoch-seconds", onlyWhen: { header: "X-RateLimit-Remaining", equals: "0" } }],
  envCredentials: { authType: "api_key", variables: { api_key: "SENDGRID_API_KEY" } },
  actions: [sendEmail],
  triggers: [],
});
