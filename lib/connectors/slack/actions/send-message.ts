import { z } from "zod";
import { defineAction } from "../../define";
import { flag, jsonObject, optionalText, requiredText } from "../../inputs";

// https://docs.slack.dev/reference/methods/chat.postMessage — JSON body, bearer token.
export const sendMessage = defineAction({
  key: "send_message",
  name: "Send message",
  description: "Post a message to a channel, private group or DM (chat.postMessage).",
  kind: "write",
  docsUrl: "https://docs.slack.dev/reference/methods/chat.postMessage",
  input: z
    .strictObject({
      channel: requiredText("channel"),
      text: optionalText("text"),
      blocks: z.array(jsonObject("each block"), { error: "blocks must be a list of block objects" }).max(50).optional(),
      thread_ts: z.string().regex(/^\d+\.\d+$/, "thread_ts must be a message timestamp like 1712345678.000100").optional(),
      reply_broadcast: flag("reply_broadcast"),
      unfurl_links: flag("unfurl_links"),
      mrkdwn: flag("mrkdwn"),
    })
    .refine((v) => Boolean(v.text?.trim()) || Boolean(v.blocks?.length), { message: "text or blocks is required", path: ["text"] }),
  request: (input) => ({ method: "POST", path: "/chat.postMessage", body: { json: input } }),
});
