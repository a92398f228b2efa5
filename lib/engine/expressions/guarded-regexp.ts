/**
 * Guards against catastrophic regular-expression backtracking, for jsonata regex literals
 * (`$match(s, /…/)`, `$replace`, `$split`, `$contains`) and for `$regexReplace`:
 * - patterns over `maxRegexPatternLength` are refused;
 * - patterns with a repeated group that itself repeats (`(a+)+`, `(\w*\s?)*`, `(x{2,})*`) — the
 *   shape behind exponential backtracking — are refused;
 * - a regex is never run on more than `maxRegexInputLength` characters.
 * This is mitigation, not proof: overlapping alternatives (`(a|a)*`) and polynomial patterns
 * (`.*.*.*x`) still backtrack, bounded only by the input length limit. JavaScript cannot
 * interrupt a running regex, so the evaluation timeout does not help inside one.
 */
import { ExpressionError } from "./expression-error";
import type { ExpressionLimits } from "./limits";

/** Why a pattern is refused, or null when it is acceptable. */
export function regexPatternProblem(pattern: string, limits: ExpressionLimits): string | null {
  if (pattern.length > limits.maxRegexPatternLength) {
    return `regular expression is ${pattern.length} characters long; the limit is ${limits.maxRegexPatternLength}`;
  }
  if (hasNestedRepetition(pattern)) {
    return "regular expression repeats a group that itself repeats (like (a+)+), which can take exponential time; rewrite it without the nested repetition";
  }
  return null;
}

export function assertRegexInput(text: string, limits: ExpressionLimits): void {
  if (text.length > limits.maxRegexInputLength) {
    throw new ExpressionError({
      code: "REGEX_INPUT_TOO_LONG",
      detail: `regular expression applied to ${text.length} characters; the limit is ${limits.maxRegexInputLength}`,
    });
  }
}

const engines = new WeakMap<ExpressionLimits, RegExpConstructor>();

/** A RegExp subclass for jsonata's `RegexEngine` option that applies the guards above. */
export function guardedRegExp(limits: ExpressionLimits): RegExpConstructor {
  const cached = engines.get(limits);
  if (cached) return cached;
  class GuardedRegExp extends RegExp {
    constructor(pattern: string | RegExp, flags?: string) {
      super(pattern, flags);
      const problem = regexPatternProblem(this.source, limits);
      if (problem) throw new ExpressionError({ code: "UNSAFE_REGEX", detail: problem });
    }

    override exec(text: string): RegExpExecArray | null {
      assertRegexInput(String(text), limits);
      return super.exec(text);
    }
  }
  const engine = GuardedRegExp as unknown as RegExpConstructor;
  engines.set(limits, engine);
  return engine;
}

const BRACE_QUANTIFIER = /^\{(\d+)(,(\d*))?\}/;

/** True when a repeating quantifier applies to a group containing a repeating quantifier. */
export function hasNestedRepetition(pattern: string): boolean {
  const groups: boolean[] = [false]; // per open group: does it contain a repetition?
  let previous: "none" | "atom" | "group" = "none";
  let previousGroupRepeats = false;
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === "\\") {
      i += 2;
      previous = "atom";
      continue;
    }
    if (c === "[") {
      i = skipClass(pattern, i);
      previous = "atom";
      continue;
    }
    if (c === "(") {
      groups.push(false);
      i++;
      previous = "none";
      continue;
    }
    if (c === ")") {
      const inner = groups.length > 1 ? groups.pop()! : false;
      if (inner) groups[groups.length - 1] = true;
      previous = "group";
      previousGroupRepeats = inner;
      i++;
      continue;
    }
    const quantifier = readQuantifier(pattern, i);
    if (quantifier) {
      if (quantifier.repeats && previous !== "none") {
        if (previous === "group" && previousGroupRepeats) return true;
        groups[groups.length - 1] = true;
      }
      i += quantifier.length;
      if (pattern[i] === "?") i++; // lazy modifier
      previous = "none";
      continue;
    }
    previous = c === "|" ? "none" : "atom";
    i++;
  }
  return false;
}

function readQuantifier(pattern: string, i: number): { repeats: boolean; length: number } | null {
  const c = pattern[i];
  if (c === "*" || c === "+") return { repeats: true, length: 1 };
  if (c === "?") return { repeats: false, length: 1 };
  if (c !== "{") return null;
  const match = BRACE_QUANTIFIER.exec(pattern.slice(i, i + 24));
  if (!match) return null;
  // An exact count {n} cannot backtrack into a different split; {n,} and {n,m} with m > n can.
  const min = Number(match[1]);
  const max = match[2] === undefined ? min : match[3] === "" ? Infinity : Number(match[3]);
  return { repeats: max > min && max > 1, length: match[0].length };
}

function skipClass(pattern: string, start: number): number {
  let i = start + 1;
  if (pattern[i] === "^") i++;
  if (pattern[i] === "]") i++;
  while (i < pattern.length && pattern[i] !== "]") i += pattern[i] === "\\" ? 2 : 1;
  return i + 1;
}
