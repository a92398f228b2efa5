import { z } from "zod";
import { defineAction } from "../../define";
import { matching } from "../../inputs";
import { path } from "../../request";
import { hasContent, messageFields } from "../message";

// https://discord.com/developers/docs/resources/message#create-message — as the bot (Bot token).
export const sendMessage = defineAction({
  key: "send_message",
  name: "Send message",
  description: "Post a message to a channel the bot can write to.",
  kind: "write",
  docsUrl: "https://discord.com/developers/docs/resources/message#create-message",
  input: z
    .strictObject({ channel_id: matching("channel_id", /^\d{17,20}$/, "must be a channel id (a long number)"), ...messageFields })
    .refine(hasContent, { message: "content or embeds is required", path: ["content"] }),
  request: ({ channel_id, ...message }) => ({ method: "POST", path: path`/channels/${channel_id}/messages`, body: { json: message } }),
});
