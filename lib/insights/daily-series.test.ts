import { describe, expect, it } from "vitest";
import { fillDailySeries, seriesStart } from "./daily-series";
import { last24HoursStart } from "./windows";

describe("fillDailySeries", () => {
  const now = new Date("2026-03-30T10:00:00Z");

  it("has one point per UTC day ending today, zero where nothing ran", () => {
    const series = fillDailySeries(
      [
        { day: "2026-03-30", succeeded: 2, failed: 1, cancelled: 1 },
        { day: "2026-03-01", succeeded: 5, failed: 0, cancelled: 0 },
      ],
      now,
    );
    expect(series).toHaveLength(30);
    expect(series[0]).toEqual({ day: "2026-03-01", runs: 5, errors: 0 });
    expect(series[1]).toEqual({ day: "2026-03-02", runs: 0, errors: 0 });
    expect(series[29]).toEqual({ day: "2026-03-30", runs: 4, errors: 1 });
  });

  it("drops days before the window and adds up repeated days", () => {
    const series = fillDailySeries(
      [
        { day: "2026-02-28", succeeded: 9, failed: 9, cancelled: 0 },
        { day: "2026-03-10", succeeded: 1, failed: 0, cancelled: 0 },
        { day: "2026-03-10", succeeded: 0, failed: 2, cancelled: 0 },
      ],
      now,
    );
    expect(series.reduce((n, p) => n + p.runs, 0)).toBe(3);
    expect(series.find((p) => p.day === "2026-03-10")).toEqual({ day: "2026-03-10", runs: 3, errors: 2 });
  });

  it("starts at midnight UTC, days - 1 days ago, across a month boundary", () => {
    expect(seriesStart(new Date("2026-03-01T23:59:00Z"), 3).toISOString()).toBe("2026-02-27T00:00:00.000Z");
  });
});

describe("last24HoursStart", () => {
  it("is the start of the current hour, 23 hours back", () => {
    expect(last24HoursStart(new Date("2026-03-30T10:59:59Z")).toISOString()).toBe("2026-03-29T11:00:00.000Z");
  });
});
