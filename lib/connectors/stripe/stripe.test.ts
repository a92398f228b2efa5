import { describe, expect, it } from "vitest";
import { buildAction, formBody, header } from "../testing";
import { stripe } from "./index";

const connection = { authType: "api_key" as const, credentials: { api_key: "sk_test_4eC39HqLyjWDarjtT1zdp7dc" } };
const basic = `Basic ${Buffer.from("sk_test_4eC39HqLyjWDarjtT1zdp7dc:").toString("base64")}`;

describe("stripe", () => {
  it("create_customer posts a form with nested metadata and the idempotency key", () => {
    const request = buildAction(
      stripe,
      "create_customer",
      { email: "ada@example.com", name: "Ada Lovelace", metadata: { order_id: "A-1001", source: "junction" } },
      { connection, idempotencyKey: "exec-9:create" },
    );
    expect(request.method).toBe("POST");
    expect(request.url).toBe("https://api.stripe.com/v1/customers");
    expect(header(request, "Content-Type")).toBe("application/x-www-form-urlencoded");
    expect(header(request, "Authorization")).toBe(basic);
    expect(header(request, "Idempotency-Key")).toBe("exec-9:create");
    expect(request.body).toBe("email=ada%40example.com&name=Ada+Lovelace&metadata%5Border_id%5D=A-1001&metadata%5Bsource%5D=junction");
    expect(formBody(request)).toEqual({ email: "ada@example.com", name: "Ada Lovelace", "metadata[order_id]": "A-1001", "metadata[source]": "junction" });
  });

  it("create_customer checks metadata limits", () => {
    const metadata = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, "v"]));
    expect(() => buildAction(stripe, "create_customer", { metadata }, { connection })).toThrow(/at most 50 keys/);
    expect(() => buildAction(stripe, "create_customer", { metadata: { n: 1 } }, { connection })).toThrow(/metadata/);
  });

  it("list_charges pages with starting_after and filters by created[gte]", () => {
    const request = buildAction(stripe, "list_charges", { customer: "cus_123", created_gte: 1767225600, limit: 10, starting_after: "ch_9" }, { connection });
    expect(request.method).toBe("GET");
    expect(request.url).toBe("https://api.stripe.com/v1/charges?customer=cus_123&starting_after=ch_9&limit=10&created%5Bgte%5D=1767225600");
    expect(request.body).toBeUndefined();
    expect(header(request, "Idempotency-Key")).toBeUndefined();
  });

  it("list_customers filters by email", () => {
    const request = buildAction(stripe, "list_customers", { email: "ada@example.com" }, { connection });
    expect(request.url).toBe("https://api.stripe.com/v1/customers?email=ada%40example.com&limit=25");
  });

  it("declares the Stripe-Signature scheme and event id", () => {
    expect(stripe.triggers[0]).toMatchObject({ signature: { scheme: "stripe", header: "Stripe-Signature", toleranceSeconds: 300 }, eventId: { path: "id" } });
  });
});
