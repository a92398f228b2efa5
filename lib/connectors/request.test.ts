import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ValidationError } from "@/lib/api/errors";
import { defineAction, defineConnector } from "./define";
import { buildRequest, encodeForm, path, prepareAction, splitAuth } from "./request";
import type { ConnectorDefinition } from "./types";

const echo = defineAction({
  key: "echo",
  name: "Echo",
  description: "Test action.",
  kind: "write",
  docsUrl: "https://example.com/docs",
  input: z.strictObject({ id: z.string() }),
  request: ({ id }) => ({ method: "POST", path: path`/items/${id}`, query: { tag: ["a", "b"], skip: undefined }, body: { json: { id } } }),
  idempotencyHeader: "Idempotency-Key",
});

const fake: ConnectorDefinition = defineConnector({
  slug: "fake",
  name: "Fake",
  category: "Data",
  description: "A test connector.",
  icon: "/connectors/fake.svg",
  docsUrl: "https://example.com",
  auth: [
    { type: "api_key", fields: [{ key: "key", label: "Key", kind: "secret", required: true }], inject: { in: "query", name: "api_key", value: "{key}" } },
  ],
  hosts: ["api.example.com"],
  baseUrl: "https://api.example.com/v1/",
  defaultHeaders: { Accept: "application/json", "X-Version": "1" },
  rateLimit: { requests: 1, perSeconds: 1 },
  retryHeaders: [],
  actions: [echo],
  triggers: [],
});
const connection = { authType: "api_key" as const, credentials: { key: "k1" } };

describe("path", () => {
  it("encodes each value as one segment", () => {
    expect(path`/repos/${"a b"}/${"x/y?z"}`).toBe("/repos/a%20b/x%2Fy%3Fz");
    expect(path`/n/${42}`).toBe("/n/42");
  });

  it("refuses segments that would walk the path", () => {
    for (const bad of ["..", ".", ""]) expect(() => path`/repos/${bad}/issues`).toThrow(ValidationError);
  });
});

describe("encodeForm", () => {
  it("nests objects and arrays the way Stripe reads them", () => {
    const params = new URLSearchParams(encodeForm({ email: "a@b.co", metadata: { order: "42", "a b": "c" }, expand: ["x", "y"], gone: undefined, blank: null, n: 3, t: true }));
    expect([...params]).toEqual([
      ["email", "a@b.co"],
      ["metadata[order]", "42"],
      ["metadata[a b]", "c"],
      ["expand[0]", "x"],
      ["expand[1]", "y"],
      ["blank", ""],
      ["n", "3"],
      ["t", "true"],
    ]);
  });
});

describe("buildRequest / prepareAction", () => {
  it("joins the base URL, encodes the query, body and headers, and applies auth", () => {
    const { request } = prepareAction(fake, echo, { id: "x/1" }, { connection, idempotencyKey: "exec-1:step" });
    expect(request).toEqual({
      method: "POST",
      url: "https://api.example.com/v1/items/x%2F1?tag=a&tag=b&api_key=k1",
      headers: { Accept: "application/json", "X-Version": "1", "Content-Type": "application/json; charset=utf-8", "Idempotency-Key": "exec-1:step" },
      body: '{"id":"x/1"}',
      auth: { headers: {}, query: { api_key: "k1" }, hosts: ["api.example.com"] },
    });
  });

  it("splits the credentials off for a client that attaches them per hop", () => {
    const { request } = prepareAction(fake, echo, { id: "1" }, { connection });
    const split = splitAuth(request);
    expect(split.request.url).toBe("https://api.example.com/v1/items/1?tag=a&tag=b");
    expect(split.request).not.toHaveProperty("auth");
    expect(split.credentials).toEqual({ headers: {}, query: { api_key: "k1" }, hosts: ["api.example.com"] });
  });

  it("validates input with a message naming the field", () => {
    expect(() => prepareAction(fake, echo, { id: 1 }, { connection })).toThrow(/^input\.id: /);
    expect(() => prepareAction(fake, echo, { id: "1", extra: true }, { connection })).toThrow("input.extra: unknown field");
  });

  it("requires a connection unless the action says otherwise", () => {
    expect(() => prepareAction(fake, echo, { id: "1" })).toThrow(/needs a connection/);
  });

  it("never sends credentials to an undeclared host", () => {
    expect(() => buildRequest(fake, { method: "GET", url: "https://evil.example.net/steal" }, { connection })).toThrow(
      /credentials may only be sent to api\.example\.com, not evil\.example\.net/,
    );
  });

  it("refuses bodies on GET and non-http URLs", () => {
    expect(() => buildRequest(fake, { method: "GET", path: "/x", body: { json: {} } }, { connection })).toThrow(/cannot have a body/);
    expect(() => buildRequest(fake, { method: "GET", url: "file:///etc/passwd" })).toThrow(/only http and https/);
  });

  it("keeps an explicit idempotency header and lets auth win over request headers", () => {
    const request = buildRequest(
      fake,
      { method: "POST", path: "/x", headers: { "idempotency-key": "mine" } },
      { connection, idempotency: { header: "Idempotency-Key", key: "engine" } },
    );
    expect(request.headers["idempotency-key"]).toBe("mine");
    expect(request.headers).not.toHaveProperty("Idempotency-Key");
  });
});
