import { describe, expect, it } from "vitest";
import { isTransientStatus, MAX_RETRY_AFTER_MS, retryAfterMs } from "./retry-after";

describe("isTransientStatus", () => {
  it("is true for 408, 425, 429 and 5xx only", () => {
    for (const s of [408, 425, 429, 500, 502, 503, 504, 599]) expect(isTransientStatus(s), String(s)).toBe(true);
    for (const s of [200, 204, 301, 400, 401, 403, 404, 409, 422, 600]) expect(isTransientStatus(s), String(s)).toBe(false);
  });
});

describe("retryAfterMs", () => {
  const now = Date.parse("2026-03-01T12:00:00Z");

  it("reads delta seconds", () => {
    expect(retryAfterMs(new Headers({ "Retry-After": "120" }), now)).toBe(120_000);
    expect(retryAfterMs({ "retry-after": "0" }, now)).toBe(0);
    expect(retryAfterMs({ "Retry-After": ["7", "9"] }, now)).toBe(7_000);
    expect(retryAfterMs(" 1.5 ", now)).toBe(1_500);
  });

  it("reads an HTTP date against the injected clock", () => {
    expect(retryAfterMs("Sun, 01 Mar 2026 12:00:30 GMT", now)).toBe(30_000);
    expect(retryAfterMs("Sunday, 01-Mar-26 12:01:00 GMT", new Date(now))).toBe(60_000);
  });

  it("never returns a negative wait for a date in the past", () => {
    expect(retryAfterMs("Sun, 01 Mar 2026 11:00:00 GMT", now)).toBe(0);
  });

  it("caps long waits", () => {
    expect(retryAfterMs("999999999", now)).toBe(MAX_RETRY_AFTER_MS);
    expect(retryAfterMs("Fri, 01 Jan 2100 00:00:00 GMT", now)).toBe(MAX_RETRY_AFTER_MS);
    expect(retryAfterMs("600", now, 60_000)).toBe(60_000);
  });

  it("is undefined when missing or unreadable", () => {
    expect(retryAfterMs(new Headers(), now)).toBeUndefined();
    expect(retryAfterMs(null, now)).toBeUndefined();
    expect(retryAfterMs("", now)).toBeUndefined();
    expect(retryAfterMs("soon", now)).toBeUndefined();
    expect(retryAfterMs("-5", now)).toBeUndefined();
    expect(retryAfterMs("5s", now)).toBeUndefined();
    expect(retryAfterMs("12 apples", now)).toBeUndefined();
  });
});
