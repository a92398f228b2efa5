import { describe, expect, it } from "vitest";
import { DEFAULT_RETRY_DELAYS_SECONDS, formatDelays, parseDelays } from "./retry-delays";

describe("retry delays", () => {
  it("reads and writes the default as 5m, 15m, 1h", () => {
    expect(formatDelays(DEFAULT_RETRY_DELAYS_SECONDS)).toBe("5m, 15m, 1h");
    expect(parseDelays("5m, 15m, 1h")).toEqual({ ok: true, seconds: [300, 900, 3600] });
  });

  it("takes seconds, minutes, hours and days in any case, and nothing at all", () => {
    expect(parseDelays("30s,2M , 1d")).toEqual({ ok: true, seconds: [30, 120, 86_400] });
    expect(parseDelays("  ")).toEqual({ ok: true, seconds: [] });
    expect(formatDelays([30, 7200, 90])).toBe("30s, 2h, 90s");
  });

  it("names what it cannot read", () => {
    expect(parseDelays("5m, soon")).toEqual({ ok: false, error: expect.stringContaining("“soon” is not a delay") });
    expect(parseDelays("8d")).toEqual({ ok: false, error: expect.stringContaining("outside 1 second to 7 days") });
    expect(parseDelays("0s")).toEqual({ ok: false, error: expect.stringContaining("outside") });
    expect(parseDelays(Array(11).fill("1m").join(","))).toEqual({ ok: false, error: "At most 10 retries." });
  });
});
