import { describe, expect, it } from "vitest";
import { previewSchedule } from "./schedule-preview";

describe("schedule preview", () => {
  const now = new Date("2026-03-10T08:30:00Z");

  it("describes a schedule and lists its next five nominal runs before the flow is saved", () => {
    const preview = previewSchedule("0 9 * * 1-5", "Europe/Paris", null, now);
    expect(preview.ok).toBe(true);
    expect(preview.description).toMatch(/09:00/);
    expect(preview.runs).toEqual([
      "2026-03-11T08:00:00.000Z",
      "2026-03-12T08:00:00.000Z",
      "2026-03-13T08:00:00.000Z",
      "2026-03-16T08:00:00.000Z",
      "2026-03-17T08:00:00.000Z",
    ]);
  });

  it("spreads an hourly schedule by the saved flow's offset", () => {
    const preview = previewSchedule("0 * * * *", "UTC", "7b0c3e2a-1111-4222-8333-444455556666", now);
    expect(preview.runs).toHaveLength(5);
    const minutes = new Set(preview.runs!.map((r) => new Date(r).getUTCMinutes()));
    expect(minutes.size).toBe(1);
    expect(preview.offset).toMatch(/after the nominal time/);
  });

  it("explains a bad cron or time zone", () => {
    expect(previewSchedule("0 9 * *", "UTC", null, now)).toEqual({ ok: false, error: expect.stringMatching(/5 fields/) });
    expect(previewSchedule("0 9 * * *", "Mars/Olympus", null, now)).toEqual({ ok: false, error: expect.stringMatching(/time zone/) });
  });
});
