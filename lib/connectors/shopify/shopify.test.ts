import { describe, expect, it } from "vitest";
import { buildValidationRequest } from "../validation";
import { buildAction, header, jsonBody } from "../testing";
import { shopify } from "./index";
import { SHOPIFY_API_VERSION } from "./shop";

const connection = { authType: "api_key" as const, credentials: { shop: "acme-store", access_token: "shpat_0123abcd" } };

describe("shopify", () => {
  it("list_orders reads the shop's versioned admin API with its access token", () => {
    const request = buildAction(shopify, "list_orders", { status: "open", limit: 100 }, { connection });
    expect(SHOPIFY_API_VERSION).toMatch(/^\d{4}-(01|04|07|10)$/);
    expect(request.method).toBe("GET");
    expect(request.url).toBe(`https://acme-store.myshopify.com/admin/api/${SHOPIFY_API_VERSION}/orders.json?status=open&limit=100`);
    expect(header(request, "X-Shopify-Access-Token")).toBe("shpat_0123abcd");
    expect(header(request, "Authorization")).toBeUndefined();
  });

  it("create_customer wraps the customer object", () => {
    const request = buildAction(shopify, "create_customer", { email: "ada@example.com", first_name: "Ada", tags: "vip" }, { connection });
    expect(request.method).toBe("POST");
    expect(request.url).toBe(`https://acme-store.myshopify.com/admin/api/${SHOPIFY_API_VERSION}/customers.json`);
    expect(jsonBody(request)).toEqual({ customer: { email: "ada@example.com", first_name: "Ada", tags: "vip" } });
    expect(() => buildAction(shopify, "create_customer", { note: "no identity" }, { connection })).toThrow(/at least an email/);
  });

  it("keeps each connection on its own shop", () => {
    expect(buildValidationRequest(shopify, "oauth2", { shop: "other", access_token: "t" })?.url).toBe(
      `https://other.myshopify.com/admin/api/${SHOPIFY_API_VERSION}/shop.json`,
    );
    expect(() => buildAction(shopify, "list_orders", {}, { connection: { ...connection, credentials: { ...connection.credentials, shop: "evil.com/x" } } })).toThrow(
      /credentials\.shop/,
    );
  });

  it("declares the HMAC header, webhook id and topic", () => {
    expect(shopify.triggers[0]).toMatchObject({
      signature: { scheme: "shopify", header: "X-Shopify-Hmac-Sha256", encoding: "base64" },
      eventId: { header: "X-Shopify-Webhook-Id" },
      eventType: { header: "X-Shopify-Topic" },
    });
  });
});
