import { oauth2BearerAuth, secretField, tokenAuth } from "../auth-specs";
import { defineConnector } from "../define";
import { listChannels } from "./actions/list-channels";
import { sendMessage } from "./actions/send-message";
import { events } from "./triggers/events";

export const slack = defineConnector({
  slug: "slack",
  name: "Slack",
  category: "Communication",
  description: "Post messages to channels and read the channel list of a Slack workspace.",
  icon: "/connectors/slack.svg",
  docsUrl: "https://docs.slack.dev/apis/web-api/",
  auth: [
    tokenAuth("bearer", "Bot token", [
      secretField("bot_token", "Bot token", {
        placeholder: "xoxb-…",
        help: "OAuth & Permissions → Bot User OAuth Token, with the chat:write and channels:read scopes.",
        pattern: "^xox[bp]-[A-Za-z0-9-]+$",
        patternHint: "A Slack token starts with xoxb- (bot) or xoxp- (user).",
      }),
    ]),
    oauth2BearerAuth("Sign in with Slack"),
  ],
  hosts: ["slack.com"],
  baseUrl: "https://slack.com/api",
  // https://docs.slack.dev/reference/methods/auth.test — documented as POST.
  validate: { method: "POST", path: "/auth.test", accountLabel: ["team", "team_id"] },
  // Web API errors come back as 200 with {"ok": false, "error": "…"}.
  errors: { okPath: "ok", messagePaths: ["error"] },
  // Tier 3 (~50/min); chat.postMessage also allows about one message a second per channel.
  rateLimit: { requests: 50, perSeconds: 60 },
  retryHeaders: [{ name: "Retry-After", format: "seconds" }],
  envCredentials: { authType: "bearer", variables: { bot_token: "SLACK_BOT_TOKEN" } },
  // https://docs.slack.dev/authentication/installing-with-oauth
  oauth2: {
    authorizeUrl: "https://slack.com/oauth/v2/authorize",
    tokenUrl: "https://slack.com/api/oauth.v2.access",
    scopes: ["chat:write", "channels:read", "groups:read"],
    scopeSeparator: ",",
    pkce: false,
    clientIdEnv: "SLACK_CLIENT_ID",
    clientSecretEnv: "SLACK_CLIENT_SECRET",
    tokenAuthMethod: "body",
    refresh: false,
  },
  actions: [sendMessage, listChannels],
  triggers: [events],
});
