import { describe, expect, it } from "vitest";
import { buildAction, formBody, header, jsonBody } from "../testing";
import { http } from "./index";

describe("http", () => {
  it("sends to any URL without a connection", () => {
    const request = buildAction(http, "request", {
      method: "POST",
      url: "https://ledger.example.com/entries",
      body: { orderId: "A-1001", email: "ada@example.com" },
    }, { idempotencyKey: "exec-1:post" });
    expect(request).toEqual({
      method: "POST",
      url: "https://ledger.example.com/entries",
      headers: { "Content-Type": "application/json; charset=utf-8", "Idempotency-Key": "exec-1:post" },
      body: '{"orderId":"A-1001","email":"ada@example.com"}',
    });
  });

  it("joins a relative URL to the connection's base URL and applies its auth", () => {
    const connection = { authType: "bearer" as const, credentials: { base_url: "https://api.example.com/v2/", token: "tkn" } };
    const request = buildAction(http, "request", { method: "GET", url: "/orders", query: { status: "paid", ids: [1, 2] } }, { connection });
    expect(request.url).toBe("https://api.example.com/v2/orders?status=paid&ids=1&ids=2");
    expect(header(request, "Authorization")).toBe("Bearer tkn");
    expect(request.auth?.hosts).toEqual(["api.example.com"]);
  });

  it("sends an API key in the header the connection names, and basic auth", () => {
    const apiKey = { authType: "api_key" as const, credentials: { base_url: "https://api.example.com", header_name: "X-Api-Token", api_key: "k" } };
    expect(header(buildAction(http, "request", { method: "GET", url: "https://api.example.com/me" }, { connection: apiKey }), "X-Api-Token")).toBe("k");
    const basic = { authType: "basic" as const, credentials: { base_url: "https://api.example.com", username: "u", password: "p" } };
    expect(header(buildAction(http, "request", { method: "GET", url: "/me" }, { connection: basic }), "Authorization")).toBe(
      `Basic ${Buffer.from("u:p").toString("base64")}`,
    );
  });

  it("refuses to send a connection's credentials to another host", () => {
    const connection = { authType: "bearer" as const, credentials: { base_url: "https://api.example.com", token: "tkn" } };
    expect(() => buildAction(http, "request", { method: "GET", url: "https://attacker.example.net/" }, { connection })).toThrow(
      /only be sent to api\.example\.com/,
    );
  });

  it("lets a connection without auth lend its base URL without restricting hosts", () => {
    const connection = { authType: "none" as const, credentials: { base_url: "https://api.example.com" } };
    expect(buildAction(http, "request", { method: "GET", url: "/health" }, { connection }).url).toBe("https://api.example.com/health");
    const elsewhere = buildAction(http, "request", { method: "GET", url: "https://status.example.org/" }, { connection });
    expect(elsewhere.url).toBe("https://status.example.org/");
    expect(elsewhere.auth).toBeUndefined();
  });

  it("encodes form and text bodies", () => {
    const form = buildAction(http, "request", { method: "POST", url: "https://x.example.com/f", body: { a: "1", nested: { b: "2" } }, body_type: "form" });
    expect(formBody(form)).toEqual({ a: "1", "nested[b]": "2" });
    const text = buildAction(http, "request", { method: "PUT", url: "https://x.example.com/t", body: "a,b\n1,2", body_type: "text", content_type: "text/csv" });
    expect(text.body).toBe("a,b\n1,2");
    expect(header(text, "Content-Type")).toBe("text/csv");
    expect(jsonBody(buildAction(http, "request", { method: "PATCH", url: "https://x.example.com/j", body: [1, 2] }))).toEqual([1, 2]);
  });

  it("rejects bad input with clear messages", () => {
    const cases: [unknown, RegExp][] = [
      [{ method: "GET", url: "/relative" }, /needs a connection with a base URL/],
      [{ method: "GET", url: "https://x.example.com", body: {} }, /GET and HEAD requests cannot have a body/],
      [{ method: "TRACE", url: "https://x.example.com" }, /method must be one of/],
      [{ method: "GET", url: "javascript:alert(1)" }, /url must be an http\(s\) URL/],
      [{ method: "GET", url: "https://x.example.com", headers: { "X-A": "1\r\nX-B: 2" } }, /single line/],
      [{ method: "GET", url: "https://x.example.com", headers: { "Bad Header": "1" } }, /header names/],
    ];
    for (const [input, message] of cases) expect(() => buildAction(http, "request", input)).toThrow(message);
  });
});
