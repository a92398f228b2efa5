import { describe, expect, it } from "vitest";
import { ValidationError } from "@/lib/api/errors";
import { credentialSchema, credentialsFromEnv, parseCredentials } from "./credentials";
import { getConnector } from "./registry";

const shopify = getConnector("shopify")!;
const slack = getConnector("slack")!;
const http = getConnector("http")!;

function failure(fn: () => unknown): ValidationError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error("expected a ValidationError");
}

describe("credentialSchema", () => {
  it("accepts exactly the declared fields", () => {
    expect(credentialSchema(shopify, "api_key").parse({ shop: "acme", access_token: "shpat_abc123" })).toEqual({
      shop: "acme",
      access_token: "shpat_abc123",
    });
  });

  it("names a missing field", () => {
    const error = failure(() => parseCredentials(shopify, "api_key", { shop: "acme" }));
    expect(error.message).toBe("credentials.access_token: Admin API access token is required");
    expect(error.extra.field).toBe("credentials.access_token");
  });

  it("names an extra field", () => {
    const error = failure(() => parseCredentials(slack, "bearer", { bot_token: "xoxb-1-2", team: "x" }));
    expect(error.message).toBe("credentials.team: unknown field");
  });

  it("rejects a shop that is not a bare shop name", () => {
    for (const shop of ["evil.com/x", "acme.myshopify.com.evil.com", "ACME", "acme/..", ""]) {
      const error = failure(() => parseCredentials(shopify, "api_key", { shop, access_token: "shpat_abc" }));
      expect(error.extra.field).toBe("credentials.shop");
    }
  });

  it("rejects a malformed token with the connector's hint", () => {
    const error = failure(() => parseCredentials(slack, "bearer", { bot_token: "not-a-token" }));
    expect(error.message).toContain("xoxb-");
  });

  it("rejects values spanning lines, so a header can never be split", () => {
    const error = failure(() => parseCredentials(http, "bearer", { base_url: "https://api.example.com", token: "abc\r\nX-Evil: 1" }));
    expect(error.message).toBe("credentials.token: Token must be a single line");
  });

  it("checks url fields and fills defaults", () => {
    expect(failure(() => parseCredentials(http, "none", { base_url: "ftp://example.com" })).message).toContain("http(s) URL");
    expect(failure(() => parseCredentials(http, "none", { base_url: "https://user:pw@example.com" })).extra.field).toBe("credentials.base_url");
    expect(parseCredentials(http, "api_key", { base_url: "https://api.example.com", api_key: "k" })).toEqual({
      base_url: "https://api.example.com",
      header_name: "X-API-Key",
      api_key: "k",
    });
  });

  it("adds the token fields to oauth2 credentials", () => {
    expect(parseCredentials(shopify, "oauth2", { shop: "acme", access_token: "tok", scope: "read_orders" })).toEqual({
      shop: "acme",
      access_token: "tok",
      scope: "read_orders",
    });
    expect(failure(() => parseCredentials(shopify, "oauth2", { shop: "acme" })).extra.field).toBe("credentials.access_token");
  });

  it("refuses an auth type the connector does not offer", () => {
    expect(failure(() => credentialSchema(slack, "basic")).message).toContain("supports bearer, oauth2");
  });
});

describe("credentialsFromEnv", () => {
  it("builds the deployment connection from its variables", () => {
    expect(credentialsFromEnv(shopify, { SHOPIFY_SHOP: "acme", SHOPIFY_ACCESS_TOKEN: "shpat_abc" })).toEqual({
      authType: "api_key",
      credentials: { shop: "acme", access_token: "shpat_abc" },
    });
    expect(credentialsFromEnv(getConnector("stripe")!, { STRIPE_SECRET_KEY: "sk_test_123" })?.credentials).toEqual({ api_key: "sk_test_123" });
  });

  it("is undefined while a variable is missing, and names the variable when one is wrong", () => {
    expect(credentialsFromEnv(shopify, { SHOPIFY_SHOP: "acme" })).toBeUndefined();
    expect(credentialsFromEnv(getConnector("gmail")!, {})).toBeUndefined();
    const error = failure(() => credentialsFromEnv(shopify, { SHOPIFY_SHOP: "acme.myshopify.com", SHOPIFY_ACCESS_TOKEN: "shpat_abc" }));
    expect(error.message).toMatch(/^SHOPIFY_SHOP: /);
  });
});
