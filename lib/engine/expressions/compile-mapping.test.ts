import { describe, expect, it } from "vitest";
import { compileMapping, validateMapping } from "./compile-mapping";
import { ExpressionCache } from "./expression-cache";
import { ExpressionError, ExpressionValidationError } from "./expression-error";
import { mappingSchema } from "./mapping-schema";
import type { CompiledExpression } from "./compile-expression";

async function mapOne(field: unknown, record: unknown) {
  const mapped = await compileMapping({ fields: { out: field } }).apply(record);
  return mapped.out;
}

async function rejection(promise: Promise<unknown>): Promise<ExpressionError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ExpressionError);
  return err as ExpressionError;
}

describe("compileMapping", () => {
  it("maps plain paths and expressions, with the context as $trigger, $steps, $env", async () => {
    const mapping = compileMapping({
      fields: {
        id: "id",
        email: "contact.email",
        full: "first & ' ' & last",
        region: "$env.REGION",
        source: "$trigger.body.source",
        firstItem: "items[0].sku",
        count: "$count(items)",
      },
    });
    expect(mapping.fields).toEqual(["id", "email", "full", "region", "source", "firstItem", "count"]);
    const record = { id: 7, contact: { email: "a@b.c" }, first: "Ada", last: "L", items: [{ sku: "s1" }, { sku: "s2" }] };
    expect(await mapping.apply(record, { env: { REGION: "eu" }, trigger: { body: { source: "shop" } } })).toEqual({
      id: 7,
      email: "a@b.c",
      full: "Ada L",
      region: "eu",
      source: "shop",
      firstItem: "s1",
      count: 2,
    });
  });

  it("applies every transform", async () => {
    expect(await mapOne({ from: "v", transforms: [{ type: "uppercase" }] }, { v: "abc" })).toBe("ABC");
    expect(await mapOne({ from: "v", transforms: [{ type: "lowercase" }] }, { v: "ABC" })).toBe("abc");
    expect(await mapOne({ from: "v", transforms: [{ type: "trim" }] }, { v: "  a b  " })).toBe("a b");
    expect(await mapOne({ from: "v", transforms: [{ type: "regex_replace", pattern: "[^0-9]", replacement: "" }] }, { v: "+1 (555) 010" })).toBe("1555010");
    expect(await mapOne({ from: "v", transforms: [{ type: "regex_replace", pattern: "(\\w+)@(\\w+)", replacement: "$2/$1", flags: "i" }] }, { v: "me@host" })).toBe("host/me");
    expect(await mapOne({ from: "v", transforms: [{ type: "number" }] }, { v: " 42.5 " })).toBe(42.5);
    expect(await mapOne({ from: "v", transforms: [{ type: "string" }] }, { v: 0.1 + 0.2 })).toBe("0.3");
    expect(await mapOne({ from: "v", transforms: [{ type: "string" }] }, { v: { a: [1] } })).toBe('{"a":[1]}');
    expect(await mapOne({ from: "v", transforms: [{ type: "boolean" }] }, { v: "Yes" })).toBe(true);
    expect(await mapOne({ from: "v", transforms: [{ type: "boolean" }] }, { v: 0 })).toBe(false);
    expect(await mapOne({ from: "v", transforms: [{ type: "date" }] }, { v: 1700000000 })).toBe("2023-11-14T22:13:20.000Z");
    expect(await mapOne({ from: "v", transforms: [{ type: "date" }] }, { v: "2024-01-02" })).toBe("2024-01-02T00:00:00.000Z");
    expect(await mapOne({ from: "v", transforms: [{ type: "date", format: "[D01]/[M01]/[Y0001]" }] }, { v: "31/12/2023" })).toBe("2023-12-31T00:00:00.000Z");
    expect(await mapOne({ from: "v", transforms: [{ type: "default", value: "n/a" }] }, { v: "   " })).toBe("n/a");
    expect(await mapOne({ from: "v", transforms: [{ type: "default", value: "n/a" }] }, {})).toBe("n/a");
    expect(await mapOne({ from: "v", transforms: [{ type: "default", value: "n/a" }] }, { v: 0 })).toBe(0);
  });

  it("chains transforms in order, passing empty values through conversions", async () => {
    const chain = [{ type: "trim" }, { type: "number" }, { type: "default", value: 0 }];
    expect(await mapOne({ from: "v", transforms: chain }, { v: " 12 " })).toBe(12);
    expect(await mapOne({ from: "v", transforms: chain }, { v: "  " })).toBe(0);
    expect(await mapOne({ from: "v", transforms: chain }, {})).toBe(0);
    expect(await mapOne({ from: "v", transforms: [{ type: "default", value: "1" }, { type: "boolean" }] }, { v: null })).toBe(true);
    expect(await mapOne({ from: "v", transforms: [{ type: "uppercase" }] }, { v: null })).toBeNull();
  });

  it("builds nested objects from dotted destinations and leaves out empty fields", async () => {
    const mapping = compileMapping({
      fields: { "customer.email": "email", "customer.name.first": "first", "customer.name.last": "last", total: "total", "meta.tag": "tag" },
    });
    const [full, sparse] = await mapping.applyMany([
      { email: "a@b.c", first: "Ada", last: "L", total: 3, tag: "x" },
      { email: "z@y.x" },
    ]);
    expect(full).toEqual({ customer: { email: "a@b.c", name: { first: "Ada", last: "L" } }, total: 3, meta: { tag: "x" } });
    expect(sparse).toEqual({ customer: { email: "z@y.x" } });
    expect(Object.keys(full)).toEqual(["customer", "total", "meta"]);
    expect(Object.getPrototypeOf(full)).toBe(Object.prototype);
  });

  it("does not share default objects between records", async () => {
    const mapping = compileMapping({ fields: { tags: { from: "tags", transforms: [{ type: "default", value: ["none"] }] } } });
    const [a, b] = await mapping.applyMany([{}, {}]);
    (a.tags as string[]).push("changed");
    expect(b.tags).toEqual(["none"]);
  });

  it("accepts a whole {{ }} around an expression and refuses templates", async () => {
    expect(await mapOne("{{ $uppercase(v) }}", { v: "x" })).toBe("X");
    const errors = validateMapping({ fields: { out: "Hello {{ name }}" } });
    expect(errors.map((e) => e.code)).toEqual(["NOT_AN_EXPRESSION"]);
  });

  it("names the field and the expression when a required field is empty", async () => {
    const mapping = compileMapping({ fields: { "customer.email": { from: "email", transforms: [{ type: "trim" }], required: true } } });
    const err = await rejection(mapping.apply({ email: "   " }));
    expect(err.message).toBe('customer.email: required field is empty (at "email")');
    expect(err.path).toBe("customer.email");
    expect(err.code).toBe("REQUIRED");
    const batch = await rejection(mapping.applyMany([{ email: "a" }, { email: "b" }, {}]));
    expect(batch.message).toBe('customer.email (record 2): required field is empty (at "email")');
    expect(batch.recordIndex).toBe(2);
  });

  it("names the field when an expression or a transform fails", async () => {
    const mapping = compileMapping({
      fields: { amount: { from: "total", transforms: [{ type: "number" }] }, shout: "$uppercase(n)" },
    });
    const transform = await rejection(mapping.apply({ total: "12 EUR", n: "x" }));
    expect(transform.message).toBe('amount: transform "number": cannot convert a string to a number (expected digits like "12.5" or "-3e2") (at "total")');
    const expression = await rejection(mapping.apply({ total: "1", n: 5 }));
    expect(expression.message).toBe('shout: $uppercase: argument 1 must be a string, got a number (at "$uppercase(n)")');
    const lower = await rejection(mapOne({ from: "v", transforms: [{ type: "lowercase" }] }, { v: 5 }));
    expect(lower.message).toBe('out: transform "lowercase": needs a string, got a number (convert it with "string" first) (at "v")');
  });

  it("reports every problem in a mapping together", () => {
    const mapping = {
      fields: {
        a: "a.",
        b: { from: "b", transforms: [{ type: "regex_replace", pattern: "(x+)+", replacement: "" }] },
        c: { from: "c", transforms: [{ type: "nope" }] },
        d: { from: "", required: "yes" },
        "e..f": "x",
        g: "(((",
      },
    };
    const schemaErrors = validateMapping(mapping);
    expect(schemaErrors.map((e) => e.message)).toEqual([
      expect.stringMatching(/^b: transforms\[0\]\.pattern: regular expression repeats a group/),
      expect.stringMatching(/^c: transforms\[0\]\.type: Invalid discriminator value/),
      "d: from: expression is empty",
      expect.stringMatching(/^d: required: .*expected boolean/),
      "e..f: a destination name has an empty segment (check the dots)",
      expect.stringMatching(/^a: syntax error/),
      expect.stringMatching(/^g: syntax error/),
    ]);

    const expressionErrors = validateMapping({ fields: { a: "a.", b: "ok", c: "$match(x, /(a*)*b/)", d: "(((" } });
    expect(expressionErrors.map((e) => [e.path, e.code])).toEqual([
      ["a", "S0207"],
      ["c", "UNSAFE_REGEX"],
      ["d", "S0203"],
    ]);
    let caught: unknown;
    try {
      compileMapping({ fields: { a: "a.", d: "(((" } });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(ExpressionValidationError);
    expect((caught as ExpressionValidationError).errors).toHaveLength(2);
    expect((caught as Error).message).toMatch(/^2 problems: a: syntax error.*\(at "a\."\); d: syntax error/);
  });

  it("has a strict schema", () => {
    const ok = { fields: { a: "x", "b.c": { from: "y", transforms: [{ type: "default", value: { k: [1] } }], required: true } } };
    expect(mappingSchema.safeParse(ok).success).toBe(true);
    for (const bad of [
      { fields: {} },
      { fields: { a: "x" }, extra: 1 },
      { fields: { a: { from: "x", extra: 1 } } },
      { fields: { a: { from: "x", transforms: [{ type: "trim", extra: 1 }] } } },
      { fields: { a: { from: "x", transforms: [{ type: "regex_replace", pattern: "x" }] } } },
      { fields: { a: { from: "x", transforms: [{ type: "regex_replace", pattern: "x", replacement: "", flags: "gx" }] } } },
      { fields: { a: "x", "a.b": "y" } },
      { fields: { ".a": "x" } },
      JSON.parse('{"fields": {"__proto__": "x"}}'),
      JSON.parse('{"fields": {"ok": "x", "a.constructor": "y"}}'),
    ]) {
      expect(mappingSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it("falls back to jsonata per record where the fast path cannot answer, in order", async () => {
    const mapping = compileMapping({ fields: { ids: "list.id", first: "list[0].id", n: "n" } });
    const records = [{ list: { id: 1 }, n: 1 }, { list: [{ id: 2 }, { id: 3 }], n: 2 }, { list: { id: 4 }, n: 3 }];
    expect(await mapping.applyMany(records)).toEqual([
      { ids: 1, first: 1, n: 1 },
      { ids: [2, 3], first: 2, n: 2 },
      { ids: 4, first: 4, n: 3 },
    ]);
  });

  it("compiles each expression once per cache", () => {
    const cache = new ExpressionCache<CompiledExpression>();
    const mapping = { fields: { a: "$lowercase(x)", b: "$lowercase(x)", c: "y" } };
    compileMapping(mapping, { cache });
    compileMapping(mapping, { cache });
    expect(cache.stats()).toMatchObject({ misses: 2, hits: 4 });
  });

  it("honours overridden limits", async () => {
    const mapping = compileMapping({ fields: { v: "v" } }, { limits: { maxStringLength: 5 } });
    expect(await mapping.apply({ v: "12345" })).toEqual({ v: "12345" });
    expect((await rejection(mapping.apply({ v: "123456" }))).code).toBe("STRING_TOO_LONG");
    const sized = compileMapping({ fields: { a: "a", b: "b" } }, { limits: { maxOutputSize: 10 } });
    expect((await rejection(sized.apply({ a: "12345", b: "12345" }))).code).toBe("OUTPUT_TOO_LARGE");
  });
});
