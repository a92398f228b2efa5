import { secretField, tokenAuth } from "../auth-specs";
import { defineConnector } from "../define";
import { JUNCTION_URL, JUNCTION_VERSION } from "../user-agent";
import { executeWebhook } from "./actions/execute-webhook";
import { sendMessage } from "./actions/send-message";

// No webhook trigger: Discord signs interactions and webhook events with Ed25519, not a scheme here.
export const discord = defineConnector({
  slug: "discord",
  name: "Discord",
  category: "Communication",
  description: "Send messages to Discord channels as a bot or through a channel webhook.",
  icon: "/connectors/discord.svg",
  docsUrl: "https://discord.com/developers/docs/reference",
  auth: [
    tokenAuth(
      "api_key",
      "Bot token",
      [
        secretField("bot_token", "Bot token", {
          help: "Developer Portal → your application → Bot → Reset Token. Invite the bot to the server first.",
          pattern: "^[A-Za-z0-9_.-]{50,100}$",
          patternHint: "Paste the bot token alone, without the word Bot.",
        }),
      ],
      // https://discord.com/developers/docs/reference#authentication
      { in: "header", name: "Authorization", value: "Bot {bot_token}" },
    ),
  ],
  hosts: ["discord.com"],
  baseUrl: "https://discord.com/api/v10",
  // https://discord.com/developers/docs/reference#user-agent
  defaultHeaders: { "User-Agent": `DiscordBot (${JUNCTION_URL}, ${JUNCTION_VERSION})` },
  // https://discord.com/developers/docs/resources/user#get-current-user
  validate: { path: "/users/@me", accountLabel: ["username", "id"] },
  errors: { messagePaths: ["message"] },
  // https://discord.com/developers/docs/topics/rate-limits — 50 requests/s globally, per-route buckets.
  rateLimit: { requests: 50, perSeconds: 1 },
  retryHeaders: [
    { name: "Retry-After", format: "seconds" },
    { name: "X-RateLimit-Reset-After", format: "seconds", onlyWhen: { header: "X-RateLimit-Remaining", equals: "0" } },
  ],
  envCredentials: { authType: "api_key", variables: { bot_token: "DISCORD_BOT_TOKEN" } },
  actions: [sendMessage, executeWebhook],
  triggers: [],
});
