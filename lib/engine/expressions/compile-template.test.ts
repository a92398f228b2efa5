import { describe, expect, it } from "vitest";
import { compileTemplate, validateTemplate, type TemplateContext } from "./compile-template";
import { ExpressionCache } from "./expression-cache";
import { ExpressionError, ExpressionValidationError } from "./expression-error";
import type { CompiledExpression } from "./compile-expression";

const context = {
  trigger: { body: { user: { email: "Ada@Example.com" }, n: 5, id: 42, tags: ["a", "b"] } },
  steps: { lookup: { output: { name: "ada lovelace", items: [{ id: "i-1" }, { id: "i-2" }] } } },
  env: { REGION: "eu" },
};

async function evaluate(template: unknown, ctx: TemplateContext = context) {
  return compileTemplate(template).evaluate(ctx);
}

async function failure(promise: Promise<unknown>): Promise<ExpressionError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ExpressionError);
  return err as ExpressionError;
}

describe("compileTemplate", () => {
  it("evaluates the issue's three examples", async () => {
    expect(await evaluate("{{ trigger.body.user.email }}")).toBe("Ada@Example.com");
    expect(await evaluate("{{ $uppercase(steps.lookup.output.name) }}")).toBe("ADA LOVELACE");
    expect(await evaluate("{{ amount ? amount : 0 }}")).toBe(0);
    expect(await evaluate("{{ amount ? amount : 0 }}", { amount: 12 })).toBe(12);
  });

  it("gives a lone placeholder's raw value and interpolates mixed strings", async () => {
    expect(await evaluate("{{ trigger.body.n }}")).toBe(5);
    expect(await evaluate("{{ trigger.body.n > 3 }}")).toBe(true);
    expect(await evaluate("{{ trigger.body.tags }}")).toEqual(["a", "b"]);
    expect(await evaluate("{{ trigger.body.user }}")).toEqual({ email: "Ada@Example.com" });
    expect(await evaluate("{{ null }}")).toBeNull();
    expect(await evaluate("n={{ trigger.body.n }}")).toBe("n=5");
    expect(await evaluate(" {{ trigger.body.n }}")).toBe(" 5");
    expect(await evaluate("{{ trigger.body.user }}!")).toBe('{"email":"Ada@Example.com"}!');
    expect(await evaluate("[{{ trigger.body.tags }}] {{ true }} {{ null }}|{{ missing }}|")).toBe('[["a","b"]] true ||');
    expect(await evaluate("{{ 0.1 + 0.2 }} / {{ $string(0.1 + 0.2) }}")).toBe("0.3 / 0.3");
    expect(await evaluate("{{ \"}}\" }} and {{ {\"a\": {\"b\": 1}} }}")).toBe('}} and {"a":{"b":1}}');
  });

  it("omits undefined properties, nulls undefined array items, and gives null at the root", async () => {
    expect(await evaluate({ a: "{{ missing }}", b: 1 })).toEqual({ b: 1 });
    expect(await evaluate(["{{ missing }}", 2])).toEqual([null, 2]);
    expect(await evaluate("{{ missing }}")).toBeNull();
  });

  it("walks nested objects and arrays at any depth", async () => {
    const template = {
      method: "POST",
      count: 3,
      ok: true,
      nothing: null,
      body: {
        orderId: "{{ $string(trigger.body.id) }}",
        email: "{{ $lowercase(trigger.body.user.email) }}",
        lines: [{ id: "{{ steps.lookup.output.items[0].id }}", note: "first of {{ $count(steps.lookup.output.items) }}" }, ["{{ env.REGION }}"]],
      },
    };
    expect(await evaluate(template)).toEqual({
      method: "POST",
      count: 3,
      ok: true,
      nothing: null,
      body: { orderId: "42", email: "ada@example.com", lines: [{ id: "i-1", note: "first of 2" }, ["eu"]] },
    });
    expect(compileTemplate(template).placeholderCount).toBe(5);
  });

  it("returns fresh objects on every evaluation", async () => {
    const compiled = compileTemplate({ list: [1], user: "{{ trigger.body.user }}" });
    const first = (await compiled.evaluate(context)) as { list: number[]; user: object };
    first.list.push(2);
    const second = (await compiled.evaluate(context)) as { list: number[]; user: object };
    expect(second.list).toEqual([1]);
    expect(second.user).not.toBe(context.trigger.body.user);
  });

  it("compiles each distinct expression once, across templates", async () => {
    const cache = new ExpressionCache<CompiledExpression>(100);
    const template = { a: "{{ $uppercase(trigger.body.user.email) }}", b: "{{ $uppercase(trigger.body.user.email) }}", c: "{{ trigger.body.n }}" };
    const first = compileTemplate(template, { cache });
    const second = compileTemplate(template, { cache }); // e.g. the next flow version
    expect(cache.stats()).toMatchObject({ misses: 2, hits: 4, size: 2 });
    for (let i = 0; i < 3; i++) await first.evaluate(context);
    await second.evaluate(context);
    expect(cache.stats().misses).toBe(2);
  });

  it("evicts the least recently used expression past the bound", () => {
    const cache = new ExpressionCache<CompiledExpression>(2);
    compileTemplate("{{ a }}", { cache });
    compileTemplate("{{ b }}", { cache });
    compileTemplate("{{ a }}", { cache });
    compileTemplate("{{ c }}", { cache }); // evicts b
    compileTemplate("{{ a }}", { cache });
    compileTemplate("{{ b }}", { cache });
    expect(cache.stats()).toEqual({ size: 2, hits: 2, misses: 4, evictions: 2 });
  });

  it("names the location and the expression when evaluation fails", async () => {
    const err = await failure(evaluate({ body: { email: "{{ $uppercase(trigger.body.n) }}" } }));
    expect(err.path).toBe("body.email");
    expect(err.code).toBe("T0410");
    expect(err.message).toBe('body.email: $uppercase: argument 1 must be a string, got a number (at "{{ $uppercase(trigger.body.n) }}")');

    const inText = await failure(evaluate({ items: [{ text: "x {{ trigger.body.n }} {{ $substring(trigger.body.n, 1) }}" }] }));
    expect(inText.path).toBe("items[0].text");
    expect(inText.expression).toBe("{{ $substring(trigger.body.n, 1) }}");

    const odd = await failure(evaluate({ headers: { "content-type": "{{ $number('x') }}" } }));
    expect(odd.path).toBe('headers["content-type"]');
    expect(odd.message).toMatch(/^headers\["content-type"\]: .*\(at "\{\{ \$number\('x'\) \}\}"\)$/);
  });

  it("reports a syntax error at compile time with its path", () => {
    let caught: unknown;
    try {
      compileTemplate({ body: { email: "{{ trigger.body. }}" } });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(ExpressionValidationError);
    const { errors } = caught as ExpressionValidationError;
    expect(errors).toHaveLength(1);
    expect(errors[0].path).toBe("body.email");
    expect(errors[0].message).toMatch(/^body\.email: syntax error at character \d+: .* \(at "\{\{ trigger\.body\. \}\}"\)$/);
  });

  it("reports every bad expression together", () => {
    const template = JSON.parse(`{
      "a": "{{ (( }}",
      "b": ["ok {{ trigger.body.n }}", "{{ $match(x, /(a+)+$/) }}"],
      "c": { "d": "{{ x", "e": "{{ }}", "f": "{{ 1 + }} and {{ 2 + }}" },
      "__proto__": "{{ 1 }}",
      "g": "{{ $.constructor }}"
    }`);
    const errors = validateTemplate(template);
    expect(errors.map((e) => [e.path, e.code])).toEqual([
      ["a", "S0203"],
      ["b[1]", "UNSAFE_REGEX"],
      ["c.d", "UNCLOSED_PLACEHOLDER"],
      ["c.e", "EMPTY_PLACEHOLDER"],
      ["c.f", "S0207"],
      ["c.f", "S0207"],
      ["__proto__", "FORBIDDEN_KEY"],
      ["g", "FORBIDDEN_KEY"],
    ]);
    expect(() => compileTemplate(template)).toThrow(/^8 problems: a: syntax error/);
    expect(validateTemplate({ ok: "{{ trigger.body.n }}" })).toEqual([]);
  });

  it("accepts plain JSON without placeholders", async () => {
    const value = { a: [1, "two", { b: null }], c: "no placeholders here {" };
    expect(await evaluate(value)).toEqual(value);
    expect(compileTemplate(value).placeholderCount).toBe(0);
  });
});
