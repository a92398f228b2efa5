import { describe, expect, it } from "vitest";
import { redact } from "./redact";

describe("redact", () => {
  it("replaces every known secret value, including repeats", () => {
    expect(redact("key s3cr3t-value then s3cr3t-value again", ["s3cr3t-value"])).toBe("key [redacted] then [redacted] again");
  });

  it("replaces the URL- and form-encoded forms of a secret", () => {
    const secret = "p@ss w/rd&more";
    expect(redact(`q=${encodeURIComponent(secret)}`, [secret])).not.toContain("p%40ss");
    expect(redact(`q=${new URLSearchParams({ v: secret }).toString().slice(2)}`, [secret])).toBe("q=[redacted]");
  });

  it("replaces the base64 form used by Basic auth, and the parts of a Basic header", () => {
    const basic = Buffer.from("user:hunter22").toString("base64");
    expect(redact(`sent ${basic}`, ["user:hunter22"])).toBe("sent [redacted]");
    expect(redact("the password was hunter22", [`Basic ${basic}`])).toBe("the password was [redacted]");
  });

  it("prefers the longest secret so no fragment is left behind", () => {
    expect(redact("abcd-efgh-ijkl", ["abcd", "abcd-efgh-ijkl"])).toBe("[redacted]");
  });

  it("ignores empty and very short secrets", () => {
    expect(redact("a normal sentence", ["", "a", "ab"])).toBe("a normal sentence");
  });

  it("escapes secrets that look like regular expressions", () => {
    expect(redact("x.*+?^${}()|[]\\y and xay", ["x.*+?^${}()|[]\\y"])).toBe("[redacted] and xay");
  });

  it.each([
    ["Authorization: Bearer eyJhbGciOi.payload.sig", "[redacted]", "eyJhbGciOi"],
    ["got Bearer abc123DEF456 from cache", "Bearer [redacted]", "abc123DEF456"],
    ["basic dXNlcjpwYXNz in header", "basic [redacted]", "dXNlcjpwYXNz"],
    ["GET /v1?api_key=AbC123&limit=5", "api_key=[redacted]&limit=5", "AbC123"],
    ["GET /v1?apikey=AbC123", "apikey=[redacted]", "AbC123"],
    ["https://x.test/cb?access_token=tok987&state=1", "access_token=[redacted]&state=1", "tok987"],
    ["token=zzz999 expired", "token=[redacted] expired", "zzz999"],
    ["client_secret=shh12345", "client_secret=[redacted]", "shh12345"],
    ['{"user":"ann","password":"hunter2"}', '"password":"[redacted]"', "hunter2"],
    ['{"password" : "with \\"quote\\" inside"}', '"password" : "[redacted]"', "quote"],
    ['{"api_key":"k-123","client_secret":"cs-456"}', '"client_secret":"[redacted]"', "cs-456"],
    ["charge failed for sk_live_51HxYz0123456789abc", "charge failed for [redacted]", "sk_live_"],
    ["slack xoxb-1234-5678-abcdefgh rejected", "slack [redacted] rejected", "xoxb-"],
    ["gh token ghp_abcdefghijklmnopqrstuvwxyz0123456789", "gh token [redacted]", "ghp_"],
    ["github_pat_11ABCDEFG0123456789_abcdefghijklmnop", "[redacted]", "github_pat_"],
    ["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "[redacted]", "whsec_"],
    ["aws AKIAIOSFODNN7EXAMPLE used", "aws [redacted] used", "AKIA"],
    ["x-api-key: 0123456789abcdef", "x-api-key: [redacted]", "0123456789abcdef"],
    ["Cookie: session=abc; theme=dark", "Cookie: [redacted]", "abc"],
  ])("redacts credential shapes: %s", (input, expected, leaked) => {
    const out = redact(input);
    expect(out).toContain(expected);
    expect(out).not.toContain(leaked);
  });

  it("leaves ordinary text alone", () => {
    const text = "Order 1234 shipped to Ann (status 200, 15 items) at https://shop.example.com/orders?id=9";
    expect(redact(text)).toBe(text);
  });
});
