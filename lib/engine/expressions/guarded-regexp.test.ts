import { describe, expect, it } from "vitest";
import { guardedRegExp, hasNestedRepetition, regexPatternProblem } from "./guarded-regexp";
import { DEFAULT_EXPRESSION_LIMITS, resolveLimits } from "./limits";

describe("hasNestedRepetition", () => {
  it.each(["(a+)+", "(a*)*", "(a+)*$", "(\\w+\\s?)*", "(x{2,})*", "((ab)+c)+", "(?:a+)+", "(a+){2,}", "([a-z]+)+", "(a|b+)+?", "(.*a){1,20}"])("refuses %s", (pattern) => {
    expect(hasNestedRepetition(pattern)).toBe(true);
  });

  it.each(["a+b+", "(ab)+", "(a?)+", "[(a+)+]", "\\(a+\\)+", "(a{2})+", "^\\d{3}-\\d{4}$", "(\\w+)@(\\w+)\\.com", "[^0-9]", "(a+)b(c+)", "\\p{L}+"])("accepts %s", (pattern) => {
    expect(hasNestedRepetition(pattern)).toBe(false);
  });
});

describe("guardedRegExp", () => {
  it("refuses long and nested patterns and long inputs", () => {
    expect(regexPatternProblem("a".repeat(1001), DEFAULT_EXPRESSION_LIMITS)).toMatch(/1001 characters/);
    const Engine = guardedRegExp(resolveLimits({ maxRegexInputLength: 10 }));
    expect(() => new Engine("(a+)+")).toThrow(/repeats a group/);
    const re = new Engine("b", "g");
    expect(re.exec("abc")?.index).toBe(1);
    expect(() => re.exec("a".repeat(11))).toThrow(/applied to 11 characters; the limit is 10/);
  });
});
