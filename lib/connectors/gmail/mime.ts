import { randomUUID } from "node:crypto";

// A minimal RFC 2822 / MIME message for Gmail's `raw` field: UTF-8 parts in base64, non-ASCII
// subjects as RFC 2047 encoded words, CRLF line ends, then the whole message in base64url.

export interface MailParts {
  from?: string;
  to: string[];
  cc?: string[];
  bcc?: string[];
  replyTo?: string;
  subject: string;
  text?: string;
  html?: string;
}

function encodeWord(value: string): string {
  return /^[\x20-\x7e]*$/.test(value) ? value : `=?UTF-8?B?${Buffer.from(value, "utf8").toString("base64")}?=`;
}

function base64Lines(text: string): string {
  return (Buffer.from(text, "utf8").toString("base64").match(/.{1,76}/g) ?? [""]).join("\r\n");
}

function part(contentType: string, text: string): string[] {
  return [`Content-Type: ${contentType}; charset="UTF-8"`, "Content-Transfer-Encoding: base64", "", base64Lines(text)];
}

export function buildMimeMessage(mail: MailParts, boundary = `junction-${randomUUID()}`): string {
  for (const value of [mail.from, mail.replyTo, mail.subject, ...mail.to, ...(mail.cc ?? []), ...(mail.bcc ?? [])]) {
    // Callers validate addresses; this keeps a header from ever being split.
    if (value !== undefined && /[\r\n]/.test(value)) throw new Error("mail header values must be a single line");
  }
  const headers = [
    ...(mail.from ? [`From: ${mail.from}`] : []),
    `To: ${mail.to.join(", ")}`,
    ...(mail.cc?.length ? [`Cc: ${mail.cc.join(", ")}`] : []),
    ...(mail.bcc?.length ? [`Bcc: ${mail.bcc.join(", ")}`] : []),
    ...(mail.replyTo ? [`Reply-To: ${mail.replyTo}`] : []),
    `Subject: ${encodeWord(mail.subject)}`,
    "MIME-Version: 1.0",
  ];
  let body: string[];
  if (mail.text !== undefined && mail.html !== undefined) {
    body = [
      `Content-Type: multipart/alternative; boundary="${boundary}"`,
      "",
      `--${boundary}`,
      ...part("text/plain", mail.text),
      `--${boundary}`,
      ...part("text/html", mail.html),
      `--${boundary}--`,
    ];
  } else if (mail.html !== undefined) body = part("text/html", mail.html);
  else body = part("text/plain", mail.text ?? "");
  return [...headers, ...body].join("\r\n");
}

export function toBase64Url(message: string): string {
  return Buffer.from(message, "utf8").toString("base64url");
}
