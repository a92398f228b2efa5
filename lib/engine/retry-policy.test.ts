import { describe, expect, it } from "vitest";
import { nextRetryAt, quickRetryDelayMs } from "./retry-policy";

const now = new Date("2026-01-01T00:00:00Z");
const at = (ms: number) => new Date(now.getTime() + ms);

describe("retry timing", () => {
  it("defaults to 5 min, 15 min, 1 h, then gives up", () => {
    expect(nextRetryAt(1, null, now)).toEqual(at(300_000));
    expect(nextRetryAt(2, null, now)).toEqual(at(900_000));
    expect(nextRetryAt(3, null, now)).toEqual(at(3_600_000));
    expect(nextRetryAt(4, null, now)).toBeNull();
  });

  it("follows a flow's own policy, including none", () => {
    expect(nextRetryAt(1, { delays_seconds: [10, 20] }, now)).toEqual(at(10_000));
    expect(nextRetryAt(3, { delays_seconds: [10, 20] }, now)).toBeNull();
    expect(nextRetryAt(1, { delays_seconds: [] }, now)).toBeNull();
  });

  it("a longer Retry-After wins; a shorter one does not bring the retry forward", () => {
    expect(nextRetryAt(1, null, now, 600_000)).toEqual(at(600_000));
    expect(nextRetryAt(1, null, now, 1_000)).toEqual(at(300_000));
  });

  it("quick retries back off, or wait what the service asked", () => {
    expect([1, 2].map((n) => quickRetryDelayMs(n))).toEqual([500, 1000]);
    expect(quickRetryDelayMs(1, 2_000)).toBe(2_000);
  });
});
