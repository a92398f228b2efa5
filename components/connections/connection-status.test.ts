import { describe, expect, it } from "vitest";
import { sortConnections, statusPresentation } from "./connection-status";

describe("statusPresentation", () => {
  it("names every status and colours it (green, red, yellow, grey)", () => {
    expect(statusPresentation("active")).toMatchObject({ label: "Active", className: expect.stringContaining("emerald") });
    expect(statusPresentation("invalid")).toMatchObject({ label: "Invalid", className: expect.stringContaining("red") });
    expect(statusPresentation("expired")).toMatchObject({ label: "Expired", className: expect.stringContaining("amber") });
    expect(statusPresentation("revoked")).toMatchObject({ label: "Revoked", className: expect.stringContaining("muted") });
  });
});

describe("sortConnections", () => {
  it("puts broken connections first and revoked ones last, newest first within each", () => {
    const list = [
      { name: "old active", status: "active", created_at: "2026-01-01T00:00:00.000Z" },
      { name: "revoked", status: "revoked", created_at: "2026-03-01T00:00:00.000Z" },
      { name: "new active", status: "active", created_at: "2026-02-01T00:00:00.000Z" },
      { name: "expired", status: "expired", created_at: "2025-12-01T00:00:00.000Z" },
      { name: "invalid", status: "invalid", created_at: "2026-01-15T00:00:00.000Z" },
    ] as const;
    expect(sortConnections(list).map((c) => c.name)).toEqual(["invalid", "expired", "new active", "old active", "revoked"]);
    expect(list[0].name).toBe("old active");
  });
});
