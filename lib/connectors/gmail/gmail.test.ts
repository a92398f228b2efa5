import { describe, expect, it } from "vitest";
import { buildAction, header, jsonBody } from "../testing";
import { gmail } from "./index";
import { buildMimeMessage } from "./mime";

const connection = { authType: "oauth2" as const, credentials: { access_token: "ya29.token" } };

function decodeRaw(body: unknown): string {
  const raw = (body as { raw: string }).raw;
  expect(raw).toMatch(/^[A-Za-z0-9_-]+$/); // base64url, unpadded
  return Buffer.from(raw, "base64url").toString("utf8");
}

describe("gmail", () => {
  it("send_email posts a base64url RFC 2822 message", () => {
    const request = buildAction(gmail, "send_email", { to: "bob@example.com", subject: "Invoice ready", text: "Hi Bob" }, { connection });
    expect(request.method).toBe("POST");
    expect(request.url).toBe("https://gmail.googleapis.com/gmail/v1/users/me/messages/send");
    expect(header(request, "Authorization")).toBe("Bearer ya29.token");
    const message = decodeRaw(jsonBody(request));
    expect(message).toContain("To: bob@example.com\r\n");
    expect(message).toContain("Subject: Invoice ready\r\n");
    expect(message).toContain("MIME-Version: 1.0\r\n");
    expect(message).toContain('Content-Type: text/plain; charset="UTF-8"\r\nContent-Transfer-Encoding: base64\r\n\r\n');
    expect(message.endsWith(Buffer.from("Hi Bob").toString("base64"))).toBe(true);
  });

  it("encodes non-ASCII subjects and sends text and HTML as alternatives in a thread", () => {
    const request = buildAction(
      gmail,
      "send_email",
      { to: ["a@example.com", "b@example.com"], cc: "c@example.com", subject: "Grüße", text: "plain", html: "<b>rich</b>", thread_id: "18c2f0" },
      { connection },
    );
    const body = jsonBody(request) as { threadId: string };
    expect(body.threadId).toBe("18c2f0");
    const message = decodeRaw(body);
    expect(message).toContain("To: a@example.com, b@example.com\r\nCc: c@example.com\r\n");
    expect(message).toContain(`Subject: =?UTF-8?B?${Buffer.from("Grüße").toString("base64")}?=`);
    expect(message).toMatch(/Content-Type: multipart\/alternative; boundary="junction-[0-9a-f-]+"/);
    expect(message.indexOf("text/plain")).toBeLessThan(message.indexOf("text/html"));
  });

  it("refuses header injection through the subject or addresses", () => {
    expect(() => buildAction(gmail, "send_email", { to: "a@example.com", subject: "Hi\r\nBcc: x@evil.com", text: "x" }, { connection })).toThrow(
      /subject/,
    );
    expect(() => buildAction(gmail, "send_email", { to: "a@example.com\r\nBcc: x@evil.com", subject: "Hi", text: "x" }, { connection })).toThrow(/input\.to/);
    expect(() => buildMimeMessage({ to: ["a@example.com"], subject: "x\ny" })).toThrow(/single line/);
  });

  it("list_messages filters with q and repeated labelIds", () => {
    const request = buildAction(gmail, "list_messages", { q: "from:billing is:unread", label_ids: ["INBOX", "UNREAD"], max_results: 20 }, { connection });
    expect(request.url).toBe(
      "https://gmail.googleapis.com/gmail/v1/users/me/messages?q=from%3Abilling+is%3Aunread&labelIds=INBOX&labelIds=UNREAD&maxResults=20",
    );
  });

  it("shares Google's OAuth client with offline access", () => {
    expect(gmail.oauth2).toMatchObject({ clientIdEnv: "GOOGLE_CLIENT_ID", clientSecretEnv: "GOOGLE_CLIENT_SECRET", pkce: true });
    expect(gmail.oauth2?.authorizeParams).toMatchObject({ access_type: "offline", prompt: "consent" });
  });
});
