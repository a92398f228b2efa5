import { describe, expect, it } from "vitest";
import { compileTemplate, type TemplateContext } from "./compile-template";
import { ExpressionError } from "./expression-error";

const context = { trigger: { body: { blank: "  ", empty: "", zero: 0, name: "Ada", none: null, n: 5 } } };

async function value(expression: string, ctx: TemplateContext = context) {
  return compileTemplate(`{{ ${expression} }}`).evaluate(ctx);
}

async function error(expression: string, ctx: TemplateContext = context): Promise<ExpressionError> {
  const err = await value(expression, ctx).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ExpressionError);
  return err as ExpressionError;
}

describe("expression functions", () => {
  it("$default falls back on undefined, null, empty and blank only", async () => {
    const b = "trigger.body";
    expect(await value(`$default(${b}.missing, "x")`)).toBe("x");
    expect(await value(`$default(${b}.none, "x")`)).toBe("x");
    expect(await value(`$default(${b}.empty, "x")`)).toBe("x");
    expect(await value(`$default(${b}.blank, "x")`)).toBe("x");
    expect(await value(`$default(${b}.zero, "x")`)).toBe(0);
    expect(await value(`$default(false, "x")`)).toBe(false);
    expect(await value(`$default(${b}.name, "x")`)).toBe("Ada");
  });

  it("$regexReplace replaces every match by default, with groups and flags", async () => {
    expect(await value(`$regexReplace("a-b-c", "-", "+")`)).toBe("a+b+c");
    expect(await value(`$regexReplace("a-b-c", "-", "+", "")`)).toBe("a+b-c");
    expect(await value(`$regexReplace("John Smith", "(\\\\w+) (\\\\w+)", "$2, $1")`)).toBe("Smith, John");
    expect(await value(`$regexReplace("ABC abc", "b", "_", "gi")`)).toBe("A_C a_c");
    expect(await value(`$regexReplace(trigger.body.missing, "b", "_")`)).toBeNull();
    expect((await error(`$regexReplace("x", "(", "")`)).message).toMatch(/\$regexReplace: invalid regular expression/);
    expect((await error(`$regexReplace("x", "a", "", "gg")`)).message).toMatch(/\$regexReplace: flags must be/);
    expect((await error(`$regexReplace(5, "a", "")`)).message).toMatch(/\$regexReplace: needs a string, got a number/);
    expect((await error(`$regexReplace("x", "${"a".repeat(1001)}", "")`)).message).toMatch(/\$regexReplace: regular expression is 1001 characters long/);
    expect((await error(`$regexReplace("x", $pad("", 1001, "a"), "")`)).message).toMatch(/\$regexReplace: regular expression/);
  });

  it("$toNumber converts numbers, numeric text and booleans", async () => {
    expect(await value(`$toNumber(" 12.5 ")`)).toBe(12.5);
    expect(await value(`$toNumber("-3e2")`)).toBe(-300);
    expect(await value(`$toNumber(7)`)).toBe(7);
    expect(await value(`$toNumber(true)`)).toBe(1);
    expect(await value(`$toNumber("")`)).toBeNull();
    expect(await value(`$toNumber(trigger.body.missing)`)).toBeNull();
    const err = await error(`$toNumber("12abc")`);
    expect(err.code).toBe("CONVERSION");
    expect(err.message).toBe('(root): $toNumber: cannot convert a string to a number (expected digits like "12.5" or "-3e2") (at "{{ $toNumber("12abc") }}")');
    expect((await error(`$toNumber("0x10")`)).code).toBe("CONVERSION");
    expect((await error(`$toNumber({"a": 1})`)).message).toMatch(/cannot convert an object to a number/);
  });

  it("$toBoolean converts words, digits and numbers", async () => {
    for (const [input, expected] of [
      ['"true"', true], ['"FALSE"', false], ['"yes"', true], ['"No"', false], ['"1"', true], ['"0"', false], ['" on "', true],
      ["0", false], ["2", true], ["true", true], ['""', null],
    ] as const) {
      expect(await value(`$toBoolean(${input})`)).toBe(expected);
    }
    expect((await error(`$toBoolean("maybe")`)).message).toMatch(/\$toBoolean: cannot convert a string to a boolean \(expected true\/false, yes\/no/);
  });

  it("$toDate gives ISO 8601 from ISO text, epoch seconds or milliseconds, and picture formats", async () => {
    expect(await value(`$toDate("2024-01-02")`)).toBe("2024-01-02T00:00:00.000Z");
    expect(await value(`$toDate("2024-01-02T03:04:05")`)).toBe("2024-01-02T03:04:05.000Z");
    expect(await value(`$toDate("2024-01-02T03:04:05.123456+02:00")`)).toBe("2024-01-02T01:04:05.123Z");
    expect(await value(`$toDate("2024-01-02 03:04+0530")`)).toBe("2024-01-01T21:34:00.000Z");
    expect(await value(`$toDate(1700000000)`)).toBe("2023-11-14T22:13:20.000Z");
    expect(await value(`$toDate(1700000000123)`)).toBe("2023-11-14T22:13:20.123Z");
    expect(await value(`$toDate("1700000000")`)).toBe("2023-11-14T22:13:20.000Z");
    expect(await value(`$toDate("02/01/2024", "[D01]/[M01]/[Y0001]")`)).toBe("2024-01-02T00:00:00.000Z");
    expect(await value(`$toDate("2024-03-04 17:05", "[Y0001]-[M01]-[D01] [H01]:[m01]")`)).toBe("2024-03-04T17:05:00.000Z");
    expect(await value(`$toDate($toMillis("2024-01-02T00:00:00Z"))`)).toBe("2024-01-02T00:00:00.000Z");
    expect(await value(`$toDate(trigger.body.missing)`)).toBeNull();
    expect((await error(`$toDate("next tuesday")`)).message).toMatch(/\$toDate: cannot read the text as an ISO 8601 date \(give a format/);
    expect((await error(`$toDate("2024-13-45")`)).message).toMatch(/\$toDate: the value is not a valid date/);
    expect((await error(`$toDate("32/01/2024x", "[D01]/[M01]/[Y0001]")`)).message).toMatch(/does not match the date format/);
    expect((await error(`$toDate("2024", "[Q]")`)).message).toMatch(/\$toDate: invalid date format "\[Q\]"|does not match/);
  });

  it("keeps jsonata's built-ins", async () => {
    expect(await value(`$uppercase(trigger.body.name) & $lowercase("X") & $trim("  y ")`)).toBe("ADAxy");
    expect(await value(`$number("12") + 1`)).toBe(13);
    expect(await value(`$string(12)`)).toBe("12");
    expect(await value(`$boolean("")`)).toBe(false);
    expect(await value(`$replace("a-b", "-", "+")`)).toBe("a+b");
    expect(await value(`$fromMillis(0)`)).toBe("1970-01-01T00:00:00.000Z");
    expect(await value(`$toMillis("1970-01-01T00:00:01Z")`)).toBe(1000);
    expect(typeof (await value(`$now()`))).toBe("string");
  });
});
