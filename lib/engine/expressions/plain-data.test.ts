import { describe, expect, it } from "vitest";
import { DEFAULT_EXPRESSION_LIMITS as limits } from "./limits";
import { newBudget, sanitizeInput, sanitizeOutput } from "./plain-data";

describe("plain data", () => {
  it("copies input into plain JSON data without dangerous keys", () => {
    const input = JSON.parse('{"a": {"__proto__": {"x": 1}, "constructor": 1, "prototype": 2, "_jsonata_lambda": true, "ok": [1, null]}}');
    const when = new Date("2024-01-02T00:00:00Z");
    const copy = sanitizeInput({ ...input, when, fn: () => 1, big: 10n, nan: NaN, list: [undefined, () => 1] }, limits) as Record<string, unknown>;
    expect(copy).toEqual({ a: { ok: [1, null] }, when: "2024-01-02T00:00:00.000Z", big: "10", nan: null, list: [null, null] });
    expect(Object.hasOwn(copy.a as object, "__proto__")).toBe(false);
  });

  it("refuses functions, non-finite numbers and oversize output", () => {
    expect(() => sanitizeOutput({ f: () => 1 }, limits, newBudget(limits))).toThrow(/function/);
    expect(() => sanitizeOutput({ _jsonata_function: true, implementation: () => 1 }, limits, newBudget(limits))).toThrow(/function/);
    expect(sanitizeOutput({ _jsonata_function: true, a: 1 }, limits, newBudget(limits))).toEqual({ a: 1 });
    expect(() => sanitizeOutput([Infinity], limits, newBudget(limits))).toThrow(/finite/);
    expect(() => sanitizeOutput("x".repeat(limits.maxStringLength + 1), limits, newBudget(limits))).toThrow(/limit is 1048576/);
    const budget = { remaining: 20 };
    expect(() => sanitizeOutput(["1234567890", "1234567890"], limits, budget)).toThrow(/larger than/);
  });

  it("drops jsonata's sequence flags", () => {
    const sequence = Object.assign([1, 2], { sequence: true, keepSingleton: true });
    const copy = sanitizeOutput(sequence, limits, newBudget(limits));
    expect(Object.keys(copy as object)).toEqual(["0", "1"]);
  });
});
