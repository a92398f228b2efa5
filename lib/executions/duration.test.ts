import { describe, expect, it } from "vitest";
import { formatBytes, formatDuration } from "./duration";

describe("formatDuration", () => {
  it("reads like a person would say it, at every scale", () => {
    expect(formatDuration(0)).toBe("0 ms");
    expect(formatDuration(420)).toBe("420 ms");
    expect(formatDuration(999)).toBe("999 ms");
    expect(formatDuration(1000)).toBe("1.0 s");
    expect(formatDuration(3449)).toBe("3.4 s");
    expect(formatDuration(12_345)).toBe("12 s");
    expect(formatDuration(59_999)).toBe("59 s");
    expect(formatDuration(60_000)).toBe("1 min");
    expect(formatDuration(125_000)).toBe("2 min 5 s");
    expect(formatDuration(3600_000)).toBe("1 h");
    expect(formatDuration(4_020_000)).toBe("1 h 7 min");
  });

  it("says nothing for a run that has no duration yet", () => {
    expect(formatDuration(null)).toBe("—");
    expect(formatDuration(undefined)).toBe("—");
    expect(formatDuration(-5)).toBe("—");
    expect(formatDuration(Number.NaN)).toBe("—");
  });
});

describe("formatBytes", () => {
  it("uses B, KB and MB", () => {
    expect(formatBytes(812)).toBe("812 B");
    expect(formatBytes(14_541)).toBe("14.2 KB");
    expect(formatBytes(300 * 1024 * 1024)).toBe("300.0 MB");
  });
});
