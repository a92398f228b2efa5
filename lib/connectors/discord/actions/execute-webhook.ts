import { z } from "zod";
import { defineAction } from "../../define";
import { optionalText, requiredText } from "../../inputs";
import { path } from "../../request";
import { hasContent, messageFields } from "../message";

const WEBHOOK_URL = /^https:\/\/(?:(?:canary|ptb)\.)?discord(?:app)?\.com\/api(?:\/v\d+)?\/webhooks\/(\d{17,20})\/([\w-]{20,100})\/?$/;

// https://discord.com/developers/docs/resources/webhook#execute-webhook — the URL's token is the
// credential, so no connection is used; wait=true returns the created message.
export const executeWebhook = defineAction({
  key: "execute_webhook",
  name: "Send via webhook",
  description: "Post a message through a channel webhook URL (Channel settings → Integrations → Webhooks).",
  kind: "write",
  docsUrl: "https://discord.com/developers/docs/resources/webhook#execute-webhook",
  connection: "none",
  input: z
    .strictObject({
      webhook_url: requiredText("webhook_url").regex(WEBHOOK_URL, "webhook_url must be a Discord webhook URL (https://discord.com/api/webhooks/…)"),
      username: optionalText("username"),
      avatar_url: z.url({ protocol: /^https$/, error: "avatar_url must be an https URL" }).optional(),
      ...messageFields,
    })
    .refine(hasContent, { message: "content or embeds is required", path: ["content"] }),
  request: ({ webhook_url, ...message }) => {
    const [, id, token] = WEBHOOK_URL.exec(webhook_url)!;
    return {
      method: "POST",
      url: `https://discord.com/api/v10${path`/webhooks/${id}/${token}`}`,
      query: { wait: true },
      body: { json: message },
    };
  },
});
