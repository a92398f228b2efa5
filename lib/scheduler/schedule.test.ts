import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { describeSchedule, isHourlyOrSlower, latestRunAtOrBefore, nextRunAt, nextRuns, scheduleOffsetSeconds } from "./schedule";

const ids = Array.from({ length: 200 }, () => randomUUID());

describe("spreading offset", () => {
  it("is stable for a flow id, differs across ids and stays within 0 … 3539 s", () => {
    const id = ids[0];
    expect(scheduleOffsetSeconds("0 * * * *", id)).toBe(scheduleOffsetSeconds("0 * * * *", id));
    const offsets = ids.map((i) => scheduleOffsetSeconds("0 * * * *", i));
    for (const o of offsets) {
      expect(Number.isInteger(o)).toBe(true);
      expect(o).toBeGreaterThanOrEqual(0);
      expect(o).toBeLessThan(3540);
    }
    expect(new Set(offsets).size).toBeGreaterThan(150);
    // Spread over the hour: every quarter gets some.
    for (let q = 0; q < 4; q++) expect(offsets.some((o) => o >= q * 885 && o < (q + 1) * 885)).toBe(true);
  });

  it("applies to hourly and slower schedules only", () => {
    for (const cron of ["0 * * * *", "15 */2 * * *", "0 9 * * *", "30 9 * * 1-5", "0 0 1 * *", "@daily"]) expect(isHourlyOrSlower(cron)).toBe(true);
    for (const cron of ["* * * * *", "*/5 * * * *", "0,30 * * * *", "0,59 0 * * *", "*/30 9 * * *"]) {
      expect(isHourlyOrSlower(cron)).toBe(false);
      for (const id of ids.slice(0, 20)) expect(scheduleOffsetSeconds(cron, id)).toBe(0);
    }
  });

  it("nextRunAt is the cron time plus the offset, strictly after `after`", () => {
    const id = ids.find((i) => scheduleOffsetSeconds("0 * * * *", i) > 0)!;
    const offset = scheduleOffsetSeconds("0 * * * *", id);
    const after = new Date("2024-05-01T10:00:00Z");
    const next = nextRunAt("0 * * * *", "UTC", id, after)!;
    expect(next.getTime()).toBe(Date.parse("2024-05-01T10:00:00Z") + offset * 1000);
    expect(nextRunAt("0 * * * *", "UTC", id, next)!.getTime()).toBe(next.getTime() + 3_600_000);
    // Sub-hourly: exact times.
    expect(nextRunAt("*/5 * * * *", "UTC", id, after)!.toISOString()).toBe("2024-05-01T10:05:00.000Z");
    // latestRunAtOrBefore includes a run exactly at `at`.
    expect(latestRunAtOrBefore("0 * * * *", "UTC", id, next)!.getTime()).toBe(next.getTime());
    expect(latestRunAtOrBefore("0 * * * *", "UTC", id, new Date(next.getTime() - 1))!.getTime()).toBe(next.getTime() - 3_600_000);
  });

  it("nextRuns gives n increasing runs", () => {
    const runs = nextRuns("*/5 * * * *", "UTC", ids[1], 5, new Date("2024-05-01T10:02:00Z"));
    expect(runs.map((d) => d.toISOString())).toEqual([
      "2024-05-01T10:05:00.000Z",
      "2024-05-01T10:10:00.000Z",
      "2024-05-01T10:15:00.000Z",
      "2024-05-01T10:20:00.000Z",
      "2024-05-01T10:25:00.000Z",
    ]);
    expect(nextRuns("0 9 * * *", "UTC", ids[1])).toHaveLength(5);
  });
});

describe("time zones", () => {
  const id = ids[2];
  const offset = scheduleOffsetSeconds("0 9 * * *", id) * 1000;
  const utc = (runs: Date[]) => runs.map((d) => new Date(d.getTime() - offset).toISOString());

  it("09:00 Europe/Berlin stays 09:00 local across the spring DST change", () => {
    expect(utc(nextRuns("0 9 * * *", "Europe/Berlin", id, 3, new Date("2024-03-30T00:00:00Z")))).toEqual([
      "2024-03-30T08:00:00.000Z", // CET, UTC+1
      "2024-03-31T07:00:00.000Z", // CEST, UTC+2
      "2024-04-01T07:00:00.000Z",
    ]);
  });

  it("09:00 Europe/Berlin across the autumn change, and a time that does not exist on the spring day", () => {
    expect(utc(nextRuns("0 9 * * *", "Europe/Berlin", id, 2, new Date("2024-10-26T12:00:00Z")))).toEqual([
      "2024-10-27T08:00:00.000Z", // CET again
      "2024-10-28T08:00:00.000Z",
    ]);
    const o = scheduleOffsetSeconds("30 2 * * *", id) * 1000;
    const runs = nextRuns("30 2 * * *", "Europe/Berlin", id, 3, new Date("2024-03-29T12:00:00Z")).map((d) => new Date(d.getTime() - o).toISOString());
    // 02:30 does not exist on 31 March in Berlin: it fires once, at 03:00 CEST.
    expect(runs).toEqual(["2024-03-30T01:30:00.000Z", "2024-03-31T01:00:00.000Z", "2024-04-01T00:30:00.000Z"]);
  });

  it("the same cron in different zones fires at different instants", () => {
    const a = nextRunAt("0 9 * * *", "America/New_York", id, new Date("2024-07-01T00:00:00Z"))!;
    const b = nextRunAt("0 9 * * *", "UTC", id, new Date("2024-07-01T00:00:00Z"))!;
    expect(a.getTime() - b.getTime()).toBe(4 * 3_600_000);
  });
});

describe("describeSchedule", () => {
  it.each([
    ["* * * * *", "Every minute"],
    ["*/5 * * * *", "Every 5 minutes"],
    ["0 * * * *", "Every hour at minute 0"],
    ["0,30 * * * *", "Every hour at minutes 0 and 30"],
    ["15 */2 * * *", "At minute 15 past every 2nd hour"],
    ["0 9 * * *", "Every day at 09:00"],
    ["0 9,17 * * *", "Every day at 09:00 and 17:00"],
    ["30 9 * * 1-5", "On weekdays, at 09:30"],
    ["0 9 * * mon,wed,fri", "On Monday, Wednesday and Friday, at 09:00"],
    ["0 0 1 * *", "On the 1st of the month, at 00:00"],
    ["0 0 * * 0", "On Sunday, at 00:00"],
    ["*/15 9-17 * * 1-5", "Every 15 minutes from 09:00 to 17:59, on weekdays"],
    ["@hourly", "Every hour at minute 0"],
    ["0 0 L * *", "Cron: 0 0 L * *"],
    ["0 0 1 * 1", "Cron: 0 0 1 * 1"],
  ])("%s → %s", (cron, text) => {
    expect(describeSchedule(cron)).toBe(text);
  });
});
