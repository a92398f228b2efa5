import { describe, expect, it } from "vitest";
import { classifyFlowHealth, compareByHealth, errorRate, type FlowHealthFacts } from "./flow-health";

const base: FlowHealthFacts = {
  active: true,
  lastFinishedStatus: "succeeded",
  unresolvedAlerts: 0,
  retrying: false,
  succeeded24h: 20,
  failed24h: 0,
};

describe("classifyFlowHealth", () => {
  it("is healthy when active, the last run succeeded and few runs failed", () => {
    expect(classifyFlowHealth(base)).toBe("healthy");
    expect(classifyFlowHealth({ ...base, succeeded24h: 19, failed24h: 1 })).toBe("healthy");
  });

  it("is an error when the last finished run failed, whatever the rate", () => {
    expect(classifyFlowHealth({ ...base, lastFinishedStatus: "failed", succeeded24h: 99, failed24h: 1 })).toBe("error");
  });

  it("is an error while an alert about the flow is unresolved", () => {
    expect(classifyFlowHealth({ ...base, unresolvedAlerts: 1 })).toBe("error");
  });

  it("stays an error when paused: pausing does not fix a failure", () => {
    expect(classifyFlowHealth({ ...base, active: false, lastFinishedStatus: "failed" })).toBe("error");
  });

  it("is an error while a run waits for a retry: its destination is failing now", () => {
    expect(classifyFlowHealth({ ...base, retrying: true })).toBe("error");
    expect(classifyFlowHealth({ ...base, retrying: true, succeeded24h: 0, failed24h: 0 })).toBe("error");
  });

  it("is a warning from a 10% error rate over 24 hours even if the last run succeeded", () => {
    expect(classifyFlowHealth({ ...base, succeeded24h: 9, failed24h: 1 })).toBe("warning");
    expect(classifyFlowHealth({ ...base, succeeded24h: 91, failed24h: 9 })).toBe("healthy");
  });

  it("is idle when paused or when nothing finished in 24 hours", () => {
    expect(classifyFlowHealth({ ...base, active: false })).toBe("idle");
    expect(classifyFlowHealth({ ...base, succeeded24h: 0, failed24h: 0 })).toBe("idle");
    expect(classifyFlowHealth({ ...base, lastFinishedStatus: null, succeeded24h: 0, failed24h: 0 })).toBe("idle");
  });
});

describe("errorRate", () => {
  it("ignores cancelled runs and is null without finished runs", () => {
    expect(errorRate(3, 1)).toBe(0.25);
    expect(errorRate(0, 0)).toBeNull();
  });
});

describe("compareByHealth", () => {
  it("puts errors first, then warnings, healthy and idle; latest run first within one", () => {
    const at = (iso: string | null) => (iso ? new Date(iso) : null);
    const rows = [
      { name: "idle", health: "idle" as const, lastRunAt: null },
      { name: "ok old", health: "healthy" as const, lastRunAt: at("2026-01-01T00:00:00Z") },
      { name: "ok new", health: "healthy" as const, lastRunAt: at("2026-01-02T00:00:00Z") },
      { name: "b broken", health: "error" as const, lastRunAt: null },
      { name: "a broken", health: "error" as const, lastRunAt: null },
      { name: "shaky", health: "warning" as const, lastRunAt: at("2026-01-01T00:00:00Z") },
    ];
    expect(rows.sort(compareByHealth).map((r) => r.name)).toEqual(["a broken", "b broken", "shaky", "ok new", "ok old", "idle"]);
  });
});
