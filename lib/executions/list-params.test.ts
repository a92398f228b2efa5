import { describe, expect, it } from "vitest";
import { encodeCursor } from "./cursor";
import { hasFilters, listQueryString } from "./filters";
import { parseListParams, timeWindow } from "./list-params";

const FLOW = "0b8e6c1e-3a4f-4c1e-9d2a-6f1e2d3c4b5a";
const cursor = { at: "2026-11-22T17:02:49.123456Z", id: FLOW };

describe("parseListParams", () => {
  it("reads no filters as the whole list", () => {
    expect(parseListParams({})).toEqual({ ok: true, params: {} });
    expect(parseListParams({ flow: "", status: "" })).toEqual({ ok: true, params: {} });
  });

  it("reads flow, statuses (comma-separated or repeated, deduplicated), range and a cursor", () => {
    expect(parseListParams({ flow: FLOW, status: "failed,retrying,failed", range: "7d", before: encodeCursor(cursor) })).toEqual({
      ok: true,
      params: { flow: FLOW, status: ["failed", "retrying"], range: "7d", before: cursor },
    });
    expect(parseListParams({ status: ["failed", "cancelled"] })).toEqual({ ok: true, params: { status: ["failed", "cancelled"] } });
    expect(parseListParams({ range: "custom", from: "2026-11-01", to: "2026-11-07" })).toEqual({
      ok: true,
      params: { range: "custom", from: "2026-11-01", to: "2026-11-07" },
    });
  });

  it("explains each bad parameter instead of guessing", () => {
    const bad = parseListParams({ flow: "abc", status: "failed,exploded", range: "1y", before: "zzz", page: "3" });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.problems).toEqual(
      expect.arrayContaining([
        "“flow” is not a flow id.",
        expect.stringMatching(/^“status” is not a status/),
        "“range” must be 1h, 24h, 7d, 30d or custom.",
        "“before” is not a page link from this list.",
        "Unknown filter page.",
      ]),
    );
  });

  it("refuses contradictions: both directions, dates without a custom range, an inverted range, repeated keys", () => {
    const problems = (raw: Record<string, string | string[]>) => {
      const result = parseListParams(raw);
      return result.ok ? [] : result.problems;
    };
    const c = encodeCursor(cursor);
    expect(problems({ before: c, after: c })).toEqual(["“after” cannot be used together with before."]);
    expect(problems({ from: "2026-11-01" })).toEqual(["“range” must be custom when from or to is given."]);
    expect(problems({ range: "custom" })).toEqual(["“from” or to is needed for a custom range."]);
    expect(problems({ range: "custom", from: "2026-11-07", to: "2026-11-01" })).toEqual(["“to” is before from."]);
    expect(problems({ range: "custom", from: "2026-02-30" })).toEqual(["“from” is not a real date."]);
    expect(problems({ flow: [FLOW, FLOW] })).toEqual(["“flow” is given more than once."]);
  });
});

describe("timeWindow", () => {
  const now = new Date("2026-11-22T12:00:00.000Z");
  it("turns a relative range into a start", () => {
    expect(timeWindow({}, now)).toEqual({});
    expect(timeWindow({ range: "1h" }, now)).toEqual({ since: new Date("2026-11-22T11:00:00.000Z") });
    expect(timeWindow({ range: "30d" }, now)).toEqual({ since: new Date("2026-10-23T12:00:00.000Z") });
  });

  it("takes a custom range as whole UTC days, the last one included", () => {
    expect(timeWindow({ range: "custom", from: "2026-11-01", to: "2026-11-07" }, now)).toEqual({
      since: new Date("2026-11-01T00:00:00.000Z"),
      until: new Date("2026-11-08T00:00:00.000Z"),
    });
    expect(timeWindow({ range: "custom", to: "2026-11-07" }, now)).toEqual({ since: undefined, until: new Date("2026-11-08T00:00:00.000Z") });
  });
});

describe("listQueryString", () => {
  it("writes what parseListParams reads back", () => {
    const filters = { flow: FLOW, status: ["failed", "retrying"], range: "custom" as const, from: "2026-11-01", to: "2026-11-07" };
    const query = listQueryString(filters, { before: encodeCursor(cursor) });
    const parsed = parseListParams(Object.fromEntries(new URLSearchParams(query)));
    expect(parsed).toEqual({ ok: true, params: { ...filters, before: cursor } });
  });

  it("drops empty filters and dates that belong to no custom range", () => {
    expect(listQueryString({})).toBe("");
    expect(listQueryString({ status: [], range: "24h", from: "2026-11-01" })).toBe("?range=24h");
    expect(hasFilters({})).toBe(false);
    expect(hasFilters({ status: ["failed"] })).toBe(true);
  });
});
