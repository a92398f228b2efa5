import { describe, expect, it } from "vitest";
import { CHILDREN_PER_SLICE, childEntries, copyText, formatScalar, isContainer, jsonKind, summarize } from "./json-viewer-model";

describe("json viewer model", () => {
  it("tells kinds apart (null and undefined read as null)", () => {
    expect([{}, [], "a", 1, true, null, undefined].map(jsonKind)).toEqual(["object", "array", "string", "number", "boolean", "null", "null"]);
    expect(isContainer({ a: 1 })).toBe(true);
    expect(isContainer("{}")).toBe(false);
  });

  it("summarizes a collapsed node by its size", () => {
    expect(summarize({ a: 1, b: 2, c: 3 })).toBe("3 keys");
    expect(summarize({ a: 1 })).toBe("1 key");
    expect(summarize([1])).toBe("1 item");
    expect(summarize([1, 2])).toBe("2 items");
    expect(summarize([])).toBe("empty");
    expect(summarize({})).toBe("empty");
  });

  it("writes scalars as JSON does", () => {
    expect(formatScalar("say \"hi\"")).toBe('"say \\"hi\\""');
    expect(formatScalar(4.5)).toBe("4.5");
    expect(formatScalar(false)).toBe("false");
    expect(formatScalar(null)).toBe("null");
    expect(formatScalar(undefined)).toBe("null");
  });

  it("shows the children of a big node in slices", () => {
    const big = Array.from({ length: CHILDREN_PER_SLICE + 5 }, (_, i) => i);
    const first = childEntries(big);
    expect(first.entries).toHaveLength(CHILDREN_PER_SLICE);
    expect(first.entries[3]).toEqual(["3", 3]);
    expect(first.hidden).toBe(5);
    expect(childEntries(big, 200)).toMatchObject({ hidden: 0 });
    expect(childEntries({ x: { y: 1 } })).toEqual({ entries: [["x", { y: 1 }]], hidden: 0 });
    expect(childEntries("scalar")).toEqual({ entries: [], hidden: 0 });
  });

  it("copies the value indented", () => {
    expect(copyText({ a: [1] })).toBe('{\n  "a": [\n    1\n  ]\n}');
    expect(copyText(undefined)).toBe("null");
  });
});
