import { describe, expect, it } from "vitest";
import { buildAction, header, jsonBody } from "../testing";
import { sendgrid } from "./index";

const connection = { authType: "api_key" as const, credentials: { api_key: "SG.abc_DEF.ghi-JKL" } };

describe("sendgrid", () => {
  it("send_email posts personalizations, from, subject and content (text first)", () => {
    const request = buildAction(
      sendgrid,
      "send_email",
      { to: ["ada@example.com"], cc: "ops@example.com", from: "shop@example.com", from_name: "Acme", subject: "Receipt", html: "<p>Thanks</p>", text: "Thanks" },
      { connection },
    );
    expect(request.method).toBe("POST");
    expect(request.url).toBe("https://api.sendgrid.com/v3/mail/send");
    expect(header(request, "Authorization")).toBe("Bearer SG.abc_DEF.ghi-JKL");
    expect(jsonBody(request)).toEqual({
      personalizations: [{ to: [{ email: "ada@example.com" }], cc: [{ email: "ops@example.com" }] }],
      from: { email: "shop@example.com", name: "Acme" },
      subject: "Receipt",
      content: [
        { type: "text/plain", value: "Thanks" },
        { type: "text/html", value: "<p>Thanks</p>" },
      ],
    });
  });

  it("send_email with a dynamic template needs no subject or content", () => {
    const request = buildAction(
      sendgrid,
      "send_email",
      { to: "ada@example.com", from: "shop@example.com", template_id: `d-${"a".repeat(32)}`, dynamic_template_data: { order: "A-1001" } },
      { connection },
    );
    expect(jsonBody(request)).toMatchObject({
      personalizations: [{ to: [{ email: "ada@example.com" }], dynamic_template_data: { order: "A-1001" } }],
      template_id: `d-${"a".repeat(32)}`,
      content: [],
    });
  });

  it("send_email needs a body and a subject without a template", () => {
    expect(() => buildAction(sendgrid, "send_email", { to: "a@example.com", from: "b@example.com", subject: "x" }, { connection })).toThrow(
      /text, html or template_id is required/,
    );
    expect(() => buildAction(sendgrid, "send_email", { to: "a@example.com", from: "b@example.com", text: "x" }, { connection })).toThrow(/subject is required/);
  });
});
