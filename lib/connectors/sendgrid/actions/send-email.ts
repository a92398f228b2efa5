import { z } from "zod";
import { defineAction } from "../../define";
import { emailAddress, jsonObject, optionalText, recipients, singleLine } from "../../inputs";

const toAddresses = (emails: string[] | undefined) => emails?.map((email) => ({ email }));

// https://www.twilio.com/docs/sendgrid/api-reference/mail-send/mail-send — answers 202 with no body.
export const sendEmail = defineAction({
  key: "send_email",
  name: "Send email",
  description: "Send an email from a verified sender, as text and/or HTML or from a dynamic template.",
  kind: "write",
  docsUrl: "https://www.twilio.com/docs/sendgrid/api-reference/mail-send/mail-send",
  input: z
    .strictObject({
      ...recipients(),
      from: emailAddress("from"),
      from_name: optionalText("from_name"),
      subject: singleLine("subject").optional(),
      text: optionalText("text"),
      html: optionalText("html"),
      template_id: z.string().regex(/^d-[a-f0-9]{32}$/, "template_id must be a dynamic template id (d-…)").optional(),
      dynamic_template_data: jsonObject("dynamic_template_data").optional(),
      categories: z.array(z.string()).max(10, "categories can hold at most 10 names").optional(),
    })
    .refine((v) => v.template_id || v.text !== undefined || v.html !== undefined, { message: "text, html or template_id is required", path: ["text"] })
    .refine((v) => v.template_id || v.subject, { message: "subject is required without a template", path: ["subject"] }),
  request: (input) => ({
    method: "POST",
    path: "/mail/send",
    body: {
      json: {
        personalizations: [
          {
            to: toAddresses(input.to),
            cc: toAddresses(input.cc),
            bcc: toAddresses(input.bcc),
            dynamic_template_data: input.dynamic_template_data,
          },
        ],
        from: { email: input.from, name: input.from_name },
        reply_to: input.reply_to ? { email: input.reply_to } : undefined,
        subject: input.subject,
        // text/plain must come before text/html.
        content: [
          ...(input.text !== undefined ? [{ type: "text/plain", value: input.text }] : []),
          ...(input.html !== undefined ? [{ type: "text/html", value: input.html }] : []),
        ],
        template_id: input.template_id,
        categories: input.categories,
      },
    },
  }),
});
