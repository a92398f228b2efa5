import { z } from "zod";
import { defineAction } from "../../define";
import { emailAddress, optionalText, recipients, singleLine } from "../../inputs";
import { buildMimeMessage, toBase64Url } from "../mime";

// https://developers.google.com/workspace/gmail/api/reference/rest/v1/users.messages/send
// https://developers.google.com/workspace/gmail/api/guides/sending — raw RFC 2822, base64url.
export const sendEmail = defineAction({
  key: "send_email",
  name: "Send email",
  description: "Send an email from the connected Gmail account, as plain text, HTML or both.",
  kind: "write",
  docsUrl: "https://developers.google.com/workspace/gmail/api/reference/rest/v1/users.messages/send",
  input: z
    .strictObject({
      ...recipients(),
      from: emailAddress("from").optional(),
      subject: singleLine("subject"),
      text: optionalText("text"),
      html: optionalText("html"),
      thread_id: z.string().regex(/^[A-Za-z0-9]+$/, "thread_id must be a Gmail thread id").optional(),
    })
    .refine((v) => v.text !== undefined || v.html !== undefined, { message: "text or html is required", path: ["text"] }),
  request: (input) => {
    const raw = toBase64Url(
      buildMimeMessage({
        from: input.from,
        to: input.to,
        cc: input.cc,
        bcc: input.bcc,
        replyTo: input.reply_to,
        subject: input.subject,
        text: input.text,
        html: input.html,
      }),
    );
    return { method: "POST", path: "/users/me/messages/send", body: { json: { raw, threadId: input.thread_id } } };
  },
});
