import { describe, expect, it } from "vitest";
import { readPath } from "./paths";
import { getConnector } from "./registry";
import { bodyReportsFailure, errorMessage, isTransientStatus, retryAfterMs } from "./responses";

const get = (slug: string) => getConnector(slug)!;
const now = Date.UTC(2026, 0, 1);

describe("retryAfterMs", () => {
  it("reads Retry-After as seconds or an HTTP date", () => {
    expect(retryAfterMs(get("stripe"), { "retry-after": "2.5" }, { now })).toBe(2500);
    expect(retryAfterMs(get("stripe"), new Headers({ "Retry-After": new Date(now + 7000).toUTCString() }), { now })).toBe(7000);
  });

  it("reads a reset time only when the quota is spent (GitHub)", () => {
    const reset = String(now / 1000 + 60);
    expect(retryAfterMs(get("github"), { "x-ratelimit-reset": reset, "x-ratelimit-remaining": "0" }, { now })).toBe(60_000);
    expect(retryAfterMs(get("github"), { "x-ratelimit-reset": reset, "x-ratelimit-remaining": "12" }, { now })).toBeUndefined();
  });

  it("falls back to the connector's cooldown for a bare 429 (Airtable)", () => {
    expect(retryAfterMs(get("airtable"), {}, { status: 429, now })).toBe(30_000);
    expect(retryAfterMs(get("airtable"), {}, { status: 500, now })).toBeUndefined();
  });
});

describe("errors", () => {
  it("finds the service's message", () => {
    expect(errorMessage(get("stripe"), { error: { message: "No such customer" } })).toBe("No such customer");
    expect(errorMessage(get("airtable"), { error: "NOT_FOUND" })).toBe("NOT_FOUND");
    expect(errorMessage(get("shopify"), { errors: { email: ["is invalid"] } })).toBe('{"email":["is invalid"]}');
    expect(errorMessage(get("github"), "<html>")).toBeUndefined();
  });

  it("spots Slack's failures inside a 200", () => {
    expect(bodyReportsFailure(get("slack"), { ok: false, error: "channel_not_found" })).toBe(true);
    expect(bodyReportsFailure(get("slack"), { ok: true })).toBe(false);
    expect(bodyReportsFailure(get("github"), { ok: false })).toBe(false);
  });

  it("knows the transient statuses", () => {
    expect([408, 425, 429, 500, 503].every(isTransientStatus)).toBe(true);
    expect([400, 401, 403, 404, 422].some(isTransientStatus)).toBe(false);
  });
});

describe("readPath", () => {
  it("reads own properties and array indexes only", () => {
    expect(readPath({ a: [{ b: 1 }, { b: 2 }] }, "a.-1.b")).toBe(2);
    expect(readPath({ a: [1] }, "a.x")).toBeUndefined();
    expect(readPath({}, "constructor")).toBeUndefined();
    expect(readPath({}, "__proto__.polluted")).toBeUndefined();
    expect(readPath({ a: 1 }, "")).toEqual({ a: 1 });
  });
});
