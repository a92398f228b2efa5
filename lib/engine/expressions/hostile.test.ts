import { afterEach, describe, expect, it } from "vitest";
import { compileMapping } from "./compile-mapping";
import { compileTemplate, type TemplateContext } from "./compile-template";
import { ExpressionError } from "./expression-error";

const objectPrototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();

interface Outcome {
  error?: ExpressionError;
  value?: unknown;
  ms: number;
}

async function attempt(template: unknown, context: TemplateContext = { trigger: { body: { n: 1 } } }): Promise<Outcome> {
  const started = performance.now();
  try {
    const value = await compileTemplate(template).evaluate(context);
    return { value, ms: performance.now() - started };
  } catch (err) {
    if (!(err instanceof ExpressionError)) throw err;
    return { error: err, ms: performance.now() - started };
  }
}

/** The case must end in an ExpressionError, quickly, without touching Object.prototype. */
async function expectRefused(template: unknown, code: string | RegExp, context?: TemplateContext): Promise<ExpressionError> {
  const outcome = await attempt(template, context);
  expect(outcome.ms).toBeLessThan(2_000);
  expect(outcome.error, `expected an error, got ${JSON.stringify(outcome.value)}`).toBeInstanceOf(ExpressionError);
  const codes = [outcome.error!.code, ...((outcome.error as { errors?: ExpressionError[] }).errors ?? []).map((e) => e.code)];
  expect(codes.some((c) => (typeof code === "string" ? c === code : code.test(c))), `codes ${codes.join(",")}`).toBe(true);
  return outcome.error!;
}

function deepObject(depth: number): unknown {
  let value: unknown = "bottom";
  for (let i = 0; i < depth; i++) value = { next: value };
  return value;
}

afterEach(() => {
  // Nothing any case did may show on every object.
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(objectPrototypeKeys);
});

describe("hostile templates", () => {
  it.each(["constructor.constructor", "$.__proto__", "$$.constructor", "trigger.__proto__.polluted", "`prototype`", "trigger.body.constructor.name"])(
    "refuses {{ %s }} at compile time",
    async (expression) => {
      await expectRefused(`{{ ${expression} }}`, "FORBIDDEN_KEY");
    },
  );

  it("never reaches a function through lookups that bypass the compile check", async () => {
    for (const expression of ['$lookup($, "constructor")', '$eval("constructor.constructor")', '$lookup(trigger, "__proto__")', '$eval("$.__proto__")']) {
      const outcome = await attempt(`{{ ${expression} }}`);
      expect(outcome.error).toBeUndefined();
      expect(outcome.value).toBeNull();
    }
    const call = await attempt('{{ $eval("constructor.constructor(\\"return process\\")()") }}');
    expect(call.value ?? null).toBeNull();
  });

  it("refuses results that are functions", async () => {
    await expectRefused("{{ $uppercase }}", "FUNCTION_RESULT");
    await expectRefused("{{ function($x){ $x } }}", "FUNCTION_RESULT");
    await expectRefused("x {{ (function($f){ $f })($string) }}", "FUNCTION_RESULT");
  });

  it("cannot pollute Object.prototype with object constructors", async () => {
    await expectRefused('{{ {"__proto__": {"polluted": true}} }}', "FORBIDDEN_KEY");
    await expectRefused('{{ $ ~> | trigger | {"constructor": {"polluted": true}} | }}', "FORBIDDEN_KEY");
    await expectRefused('{{ trigger{"prototype": 1} }}', "FORBIDDEN_KEY");
    // Built at run time, past the compile check: the key is dropped from the result.
    const built = await attempt('{{ $merge([$eval(\'{"__proto__": {"polluted": true}, "a": 1}\'), {"b": 2}]) }}');
    expect(built.value).toEqual({ a: 1, b: 2 });
    expect(Object.getPrototypeOf(built.value)).toBe(Object.prototype);
    expect(Object.hasOwn(built.value as object, "__proto__")).toBe(false);
  });

  it("drops __proto__/constructor/prototype keys from the context before evaluation", async () => {
    const trigger = JSON.parse('{"body": {"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}, "ok": 1}}');
    const context = { trigger };
    expect((await attempt("{{ trigger.body }}", context)).value).toEqual({ ok: 1 });
    expect((await attempt('{{ $merge([trigger.body, {"x": 2}]) }}', context)).value).toEqual({ ok: 1, x: 2 });
    expect((await attempt("{{ $keys(trigger.body) }}", context)).value).toBe("ok");
    expect((await attempt("{{ $string(trigger) }}", context)).value).toBe('{"body":{"ok":1}}');
    expect((await attempt("{{ $sift(trigger.body, function($v, $k){ true }) }}", context)).value).toEqual({ ok: 1 });
  });

  it("refuses mapping destinations that could reach a prototype", async () => {
    for (const destination of ["__proto__", "a.__proto__", "constructor", "x.prototype.y"]) {
      const mapping = JSON.parse(`{"fields": {${JSON.stringify(destination)}: "a"}}`);
      expect(() => compileMapping(mapping)).toThrow(ExpressionError);
    }
    const mapped = await compileMapping({ fields: { out: "data" } }).apply(JSON.parse('{"data": {"__proto__": {"polluted": 1}, "k": 2}}'));
    expect(mapped).toEqual({ out: { k: 2 } });
  });

  it("stops runaway tail recursion by time", async () => {
    const err = await expectRefused("{{ ($f := function($x){ $f($x) }; $f(1)) }}", "D1012");
    expect(err.message).toMatch(/evaluation stopped after 1000 ms/);
  });

  it("stops runaway non-tail recursion by depth", async () => {
    await expectRefused("{{ ($f := function($n){ 1 + $f($n + 1) }; $f(0)) }}", "D1011");
  });

  it("stops huge strings at the step that makes them", async () => {
    await expectRefused('{{ $pad("", 100000000) }}', "STRING_TOO_LONG");
    await expectRefused('{{ $join([1..20000].$pad("", 100)) }}', "STRING_TOO_LONG");
    await expectRefused('{{ ($f := function($s){ $f($s & $s) }; $f("x")) }}', "STRING_TOO_LONG");
    await expectRefused('{{ ($s := $pad("", 1000000); $join([1..100000].$s)) }}', /STRING_TOO_LONG|D1012/);
    await expectRefused('x{{ $pad("", 700000) }}{{ $pad("", 700000) }}', "STRING_TOO_LONG");
  });

  it("stops huge sequences", async () => {
    await expectRefused("{{ [1..100000000] }}", /^D201[45]$/);
    await expectRefused("{{ $count([1..1000000]) }}", "D2015");
    await expectRefused("{{ $count([1..100000].[1..100000]) }}", /^D2015$|^D1012$/);
    await expectRefused('{{ $split($pad("", 200000, "a"), "") }}', "SEQUENCE_TOO_LONG");
  });

  it("refuses deep nesting in expressions, templates and data", async () => {
    await expectRefused(`{{ ${"(".repeat(2000)}1${")".repeat(2000)} }}`, "EXPRESSION_TOO_DEEP");
    await expectRefused(`{{ ${"[".repeat(150)}1${"]".repeat(150)} }}`, "EXPRESSION_TOO_DEEP");
    await expectRefused(`{{ ${"x.".repeat(6000)}x }}`, "EXPRESSION_TOO_LONG");
    await expectRefused(JSON.parse(`${'{"a":'.repeat(1000)}1${"}".repeat(1000)}`), "TEMPLATE_TOO_DEEP");
    const deep = { trigger: deepObject(10_000) };
    await expectRefused("{{ trigger }}", "DATA_TOO_DEEP", deep);
    await expectRefused("{{ $count(trigger) }}", "DATA_TOO_DEEP", deep);
    const cyclic: Record<string, unknown> = { name: "loop" };
    cyclic.self = cyclic;
    await expectRefused("{{ trigger }}", "DATA_TOO_DEEP", { trigger: cyclic });
    await expectRefused("{{ $string(trigger) }}", "DATA_TOO_DEEP", { trigger: cyclic });
  });

  it("refuses catastrophic regular expressions before running them", async () => {
    const evil = "a".repeat(40) + "!";
    await expectRefused(`{{ $match("${evil}", /(a+)+$/) }}`, "UNSAFE_REGEX");
    await expectRefused(`{{ $regexReplace("${evil}", "(a+)+$", "") }}`, "UNSAFE_REGEX");
    await expectRefused("{{ $regexReplace(trigger.s, trigger.p, '') }}", "UNSAFE_REGEX", { trigger: { s: evil, p: "(a|aa?)*(b*)*$" } });
    await expectRefused(`{{ $eval('$contains("${evil}", /(a*)*$/)') }}`, "UNSAFE_REGEX");
    await expectRefused("{{ $contains(trigger.s, /a+$/) }}", "REGEX_INPUT_TOO_LONG", { trigger: { s: "a".repeat(20_000) } });
  });

  it("subjects $eval to the same limits", async () => {
    await expectRefused("{{ $eval('($f := function($x){ $f($x) }; $f(1))') }}", "D1012");
    await expectRefused("{{ $eval('$pad(\"\", 100000000)') }}", "STRING_TOO_LONG");
    await expectRefused(`{{ $eval(trigger.code) }}`, "D1011", { trigger: { code: "($f := function($n){ 1 + $f($n + 1) }; $f(0))" } });
    await expectRefused("{{ $eval(trigger.code) }}", /^S0|TOO_COMPLEX$/, { trigger: { code: "(".repeat(20_000) + "1" + ")".repeat(20_000) } });
  });
});
