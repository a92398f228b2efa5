import { describe, expect, it } from "vitest";
import { compileTemplate } from "./compile-template";
import { NEEDS_JSONATA, parseFastPath, readFastPath } from "./fast-path";

describe("parseFastPath", () => {
  it.each([
    ["trigger.body.user.email", ["trigger", "body", "user", "email"]],
    ["steps.lookup.output.items[0].id", ["steps", "lookup", "output", "items", 0, "id"]],
    ["  a  ", ["a"]],
    ["_a1.B_2[12]", ["_a1", "B_2", 12]],
  ])("takes %s", (source, segments) => {
    expect(parseFastPath(source)).toEqual(segments);
  });

  it.each([
    "$.a", "$a", "a[-1]", "a[0][1]", "a[01]", "a [0]", "a. b", "`a b`", "a.b.$string()", "a + b", "a.true", "null",
    "and", "a.in", "function", "a.__proto__", "constructor", "a.prototype.b", "a._jsonata_lambda", "a[1e3]", "a[10000000000]", "é", "a..b", "a.",
  ])("leaves %s to jsonata", (source) => {
    expect(parseFastPath(source)).toBeNull();
  });
});

const data = {
  a: {
    empty: [],
    one: [1],
    two: [1, 2],
    nested: [[1], [2, 3]],
    nothing: null,
    objects: [{ x: 1 }, { x: 2 }],
    deep: [{ x: [1, 2] }, { x: 3 }],
    text: "str",
    zero: 0,
    no: false,
    object: { p: { q: 1 } },
    nulls: [null],
    date: new Date("2024-01-02T03:04:05Z"),
    map: new Map([["k", 1]]),
  },
  list: [{ id: 1 }, { id: 2 }],
};

const paths = [
  "a", "a.empty", "a.one", "a.two", "a.nested", "a.nothing", "a.objects", "a.objects.x", "a.deep.x", "a.one[0]", "a.two[1]",
  "a.two[5]", "a.nested[0]", "a.nested[1]", "a.text[0]", "a.text[1]", "a.zero", "a.no", "a.object", "a.object.p.q", "a.objects[0].x",
  "a.objects[1].x", "a.nulls", "a.nulls[0]", "a.nothing.x", "a.nothing[0]", "a.text.x", "a.object[0]", "a.object[0].p", "a.object[1]",
  "a.zero[0]", "a.date", "a.date.x", "a.map", "a.map.k", "missing", "missing.x", "missing[0]", "list", "list.id", "list[1].id", "list[0]",
];

describe("fast path and jsonata agree", () => {
  it.each(paths)("%s", async (path) => {
    expect(parseFastPath(path)).not.toBeNull();
    // Parentheses make the same path go through jsonata.
    const fast = await compileTemplate({ v: `{{ ${path} }}` }).evaluate(data);
    const slow = await compileTemplate({ v: `{{ (${path}) }}` }).evaluate(data);
    expect(fast).toEqual(slow);
    const bails = ["a.objects.x", "a.deep.x", "a.date", "a.date.x", "a.map", "a.map.k", "list.id"];
    expect(readFastPath(parseFastPath(path)!, data) === NEEDS_JSONATA).toBe(bails.includes(path));
  });

  it("reads plain data without jsonata and gives up where jsonata's semantics differ", () => {
    const read = (path: string, input: unknown = data) => readFastPath(parseFastPath(path)!, input);
    expect(read("a.object.p.q")).toBe(1);
    expect(read("list[1].id")).toBe(2);
    expect(read("a.two")).toBe(data.a.two);
    expect(read("missing.x")).toBeUndefined();
    expect(read("list.id")).toBe(NEEDS_JSONATA); // maps over an array
    expect(read("a.date")).toBe(NEEDS_JSONATA); // not plain data
    expect(read("a", [data])).toBe(NEEDS_JSONATA); // array root
  });

  it("never walks the prototype chain", () => {
    const input = Object.create({ inherited: { secret: 1 } }) as Record<string, unknown>;
    input.own = Object.create({ hidden: 2 });
    expect(readFastPath(["inherited"], input)).toBe(NEEDS_JSONATA); // not a plain object: jsonata decides
    expect(readFastPath(["own", "toString"], { own: {} })).toBeUndefined();
    expect(readFastPath(["hasOwnProperty"], {})).toBeUndefined();
    expect(readFastPath(["length"], { s: "x" })).toBeUndefined();
    expect(readFastPath(["s", "length"], { s: "x" })).toBeUndefined();
    expect(readFastPath(["a", "length"], { a: [1] })).toBe(NEEDS_JSONATA);
  });
});
