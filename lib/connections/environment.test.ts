import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { listConnectors, getConnector } from "@/lib/connectors/registry";
import { declaredVariables, isConfiguredByEnvironment, oauthClientFromEnv } from "./environment";
import { presentConnector } from "./present-connector";

describe("connectors configured by the environment", () => {
  it(".env.example lists every variable a connector reads", () => {
    const example = fs.readFileSync(path.join(process.cwd(), ".env.example"), "utf8");
    const listed = new Set([...example.matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]));
    const missing = declaredVariables(listConnectors()).filter((v) => !listed.has(v));
    expect(missing).toEqual([]);
  });

  it("is detected from the variables' presence, and never reveals their values", () => {
    const stripe = getConnector("stripe")!;
    expect(isConfiguredByEnvironment(stripe, {})).toBe(false);
    expect(isConfiguredByEnvironment(stripe, { STRIPE_SECRET_KEY: "sk_test_canaryvalue123" })).toBe(true);
    const shopify = getConnector("shopify")!;
    // Both variables are needed, and a malformed shop is not "configured".
    expect(isConfiguredByEnvironment(shopify, { SHOPIFY_ACCESS_TOKEN: "shpat_x" })).toBe(false);
    expect(isConfiguredByEnvironment(shopify, { SHOPIFY_SHOP: "evil.com/x", SHOPIFY_ACCESS_TOKEN: "shpat_x" })).toBe(false);
    expect(isConfiguredByEnvironment(shopify, { SHOPIFY_SHOP: "acme", SHOPIFY_ACCESS_TOKEN: "shpat_x" })).toBe(true);
    process.env.STRIPE_SECRET_KEY = "sk_test_canaryvalue123";
    try {
      const shown = presentConnector({ def: stripe });
      expect(shown.configured_by_environment).toBe(true);
      expect(JSON.stringify(shown)).not.toContain("canaryvalue");
    } finally {
      delete process.env.STRIPE_SECRET_KEY;
    }
  });

  it("OAuth is offered only when the app's client id and secret are set", () => {
    const github = getConnector("github")!;
    expect(oauthClientFromEnv(github, {})).toBeNull();
    expect(oauthClientFromEnv(github, { GITHUB_CLIENT_ID: "id" })).toBeNull();
    expect(oauthClientFromEnv(github, { GITHUB_CLIENT_ID: "id", GITHUB_CLIENT_SECRET: "s" })).toEqual({ clientId: "id", clientSecret: "s" });
    expect(presentConnector({ def: github }).oauth).toMatchObject({ available: false, reason: expect.stringContaining("GITHUB_CLIENT_ID") });
  });
});
