import { describe, expect, it } from "vitest";
import { applyAuth, credentialHosts, hostMatches, isCredentialHost } from "./auth";
import { getConnector } from "./registry";

const get = (slug: string) => getConnector(slug)!;

describe("applyAuth", () => {
  it("fills header templates", () => {
    expect(applyAuth(get("slack"), "bearer", { bot_token: "xoxb-1-abc" })).toEqual({
      headers: { Authorization: "Bearer xoxb-1-abc" },
      query: {},
    });
    expect(applyAuth(get("discord"), "api_key", { bot_token: "x".repeat(60) }).headers).toEqual({ Authorization: `Bot ${"x".repeat(60)}` });
    expect(applyAuth(get("shopify"), "oauth2", { shop: "acme", access_token: "tok" }).headers).toEqual({ "X-Shopify-Access-Token": "tok" });
  });

  it("takes the header name from the credentials when the connector says so", () => {
    const auth = applyAuth(get("http"), "api_key", { base_url: "https://api.example.com", header_name: "X-Token", api_key: "s3cret" });
    expect(auth.headers).toEqual({ "X-Token": "s3cret" });
  });

  it("encodes basic auth, including Stripe's key-as-username form", () => {
    const basic = applyAuth(get("http"), "basic", { base_url: "https://api.example.com", username: "ada", password: "pä:ss" });
    expect(basic.headers.Authorization).toBe(`Basic ${Buffer.from("ada:pä:ss").toString("base64")}`);
    const stripe = applyAuth(get("stripe"), "api_key", { api_key: "sk_test_123" });
    expect(stripe.headers.Authorization).toBe(`Basic ${Buffer.from("sk_test_123:").toString("base64")}`);
  });

  it("injects nothing for none", () => {
    expect(applyAuth(get("http"), "none", { base_url: "https://api.example.com" })).toEqual({ headers: {}, query: {} });
  });

  it("validates before injecting", () => {
    expect(() => applyAuth(get("slack"), "bearer", {})).toThrow(/bot_token/);
  });
});

describe("credential hosts", () => {
  it("matches exact names and subdomain wildcards only", () => {
    expect(hostMatches("api.github.com", "API.github.com")).toBe(true);
    expect(hostMatches("api.github.com", "api.github.com.evil.com")).toBe(false);
    expect(hostMatches("*.myshopify.com", "acme.myshopify.com")).toBe(true);
    expect(hostMatches("*.myshopify.com", "myshopify.com")).toBe(false);
    expect(hostMatches("*.myshopify.com", "evilmyshopify.com")).toBe(false);
  });

  it("gives a Shopify connection its own shop's host only", () => {
    const shopify = get("shopify");
    const credentials = { shop: "acme", access_token: "shpat_abc" };
    expect(credentialHosts(shopify, credentials)).toEqual(["acme.myshopify.com"]);
    expect(isCredentialHost(shopify, credentials, "https://acme.myshopify.com/admin/api/2026-07/orders.json")).toBe(true);
    expect(isCredentialHost(shopify, credentials, "https://other.myshopify.com/admin/api/2026-07/orders.json")).toBe(false);
  });

  it("gives an http connection its base URL's host only", () => {
    const http = get("http");
    const credentials = { base_url: "https://api.example.com/v2", token: "t" };
    expect(credentialHosts(http, credentials)).toEqual(["api.example.com"]);
    expect(isCredentialHost(http, credentials, "https://api.example.com/other")).toBe(true);
    expect(isCredentialHost(http, credentials, "https://example.com/")).toBe(false);
    expect(isCredentialHost(http, credentials, "ftp://api.example.com/")).toBe(false);
  });
});
