import { z } from "zod";
import { flag, jsonObject, optionalText } from "../inputs";

// The message body shared by channel messages and webhook executions.
// https://discord.com/developers/docs/resources/message#create-message-jsonform-params
export const messageFields = {
  content: optionalText("content").refine((v) => v === undefined || v.length <= 2000, "content must be at most 2000 characters"),
  embeds: z.array(jsonObject("each embed"), { error: "embeds must be a list of embed objects" }).max(10, "at most 10 embeds").optional(),
  tts: flag("tts"),
  allowed_mentions: jsonObject("allowed_mentions").optional(),
};

export function hasContent(message: { content?: string; embeds?: unknown[] }): boolean {
  return Boolean(message.content?.trim()) || Boolean(message.embeds?.length);
}
