/**
 * Compiles one jsonata expression with Junction's guards and functions, or recognises it as a
 * fast-path read. Compiled expressions are cached by source (expression-cache.ts).
 *
 * Guards on every jsonata evaluation (limits.ts has the numbers):
 * - jsonata 2.2's own guardrails: `timeout` (checked on entry to every evaluation step),
 *   `stack` (evaluation depth) and `sequence` (sequence length);
 * - an `__evaluate_exit` hook that rejects any step producing a string over `maxStringLength` or
 *   an array over `maxSequence`, so `$pad("", 1e8)` or a doubling loop stops at once;
 * - regex literals through a guarded RegExp (guarded-regexp.ts); unsafe literal patterns are
 *   refused at compile time, and so are fields or object keys named `__proto__`, `constructor`,
 *   `prototype` (the sanitized data never has them; see plain-data.ts);
 * - the source itself is bounded in length and bracket nesting (jsonata's parser is recursive).
 * `$eval` runs inside the same environment, so the same guards bind it.
 */
import jsonata from "jsonata";
import { compileRegex } from "./conversions";
import { registerCustomFunctions } from "./custom-functions";
import { describeEvaluationError, describeSyntaxError } from "./describe-error";
import { ExpressionCache } from "./expression-cache";
import { ExpressionError } from "./expression-error";
import { NEEDS_JSONATA, parseFastPath, readFastPath, type PathSegment } from "./fast-path";
import { guardedRegExp, regexPatternProblem } from "./guarded-regexp";
import { limitsKey, type ExpressionLimits } from "./limits";
import { FORBIDDEN_KEYS } from "./plain-data";

export interface CompiledExpression {
  readonly source: string;
  /** The path's segments when the expression takes the fast path (fast-path.ts), else null. */
  readonly fastPath: readonly PathSegment[] | null;
  /**
   * Synchronous read for fast-path expressions, safe on unsanitized data (own properties only).
   * Returns NEEDS_JSONATA when the data needs jsonata's semantics, or for non-fast expressions.
   */
  readFast(input: unknown): unknown;
  /** jsonata evaluation of sanitized `input`/`bindings`; the raw result (sanitize it before use). */
  evaluate(input: unknown, bindings?: Record<string, unknown>): Promise<unknown>;
}

/** The process-wide cache used unless a caller passes its own. */
export const sharedExpressionCache = new ExpressionCache<CompiledExpression>();

const EXIT_HOOK = Symbol.for("jsonata.__evaluate_exit");

/** Compiles (or fetches from `cache`) `source`; throws ExpressionError for a bad expression. */
export function compileExpression(
  source: string,
  limits: ExpressionLimits,
  cache: ExpressionCache<CompiledExpression> = sharedExpressionCache,
): CompiledExpression {
  const text = source.trim();
  checkSource(text, limits);
  return cache.getOrCreate(`${limitsKey(limits)}\u0000${text}`, () => createExpression(text, limits));
}

function createExpression(source: string, limits: ExpressionLimits): CompiledExpression {
  const fastPath = parseFastPath(source);
  // A fast path is valid jsonata by construction; parse it only if the data ever needs jsonata.
  let compiled: jsonata.Expression | undefined = fastPath ? undefined : compileJsonata(source, limits);
  return {
    source,
    fastPath,
    readFast: fastPath ? (input) => readFastPath(fastPath, input) : () => NEEDS_JSONATA,
    async evaluate(input, bindings) {
      compiled ??= compileJsonata(source, limits);
      try {
        return await compiled.evaluate(input, bindings);
      } catch (err) {
        throw await describeEvaluationError(err);
      }
    },
  };
}

function compileJsonata(source: string, limits: ExpressionLimits): jsonata.Expression {
  let expression: jsonata.Expression;
  try {
    expression = jsonata(source, {
      timeout: limits.timeoutMs,
      stack: limits.maxDepth,
      sequence: limits.maxSequence,
      RegexEngine: guardedRegExp(limits),
    });
  } catch (err) {
    throw describeSyntaxError(err);
  }
  checkAst(expression.ast(), limits);
  registerCustomFunctions(expression, limits);
  expression.assign(EXIT_HOOK as unknown as string, (_node: unknown, _input: unknown, _env: unknown, result: unknown) => {
    if (typeof result === "string") {
      if (result.length > limits.maxStringLength) {
        throw new ExpressionError({
          code: "STRING_TOO_LONG",
          detail: `a step produced a string of ${result.length} characters; the limit is ${limits.maxStringLength}`,
        });
      }
    } else if (Array.isArray(result) && result.length > limits.maxSequence) {
      throw new ExpressionError({
        code: "SEQUENCE_TOO_LONG",
        detail: `a step produced ${result.length} items; the limit is ${limits.maxSequence}`,
      });
    }
  });
  return expression;
}

function checkSource(source: string, limits: ExpressionLimits): void {
  if (!source) throw new ExpressionError({ code: "EMPTY_EXPRESSION", detail: "empty expression" });
  if (source.length > limits.maxExpressionLength) {
    throw new ExpressionError({
      code: "EXPRESSION_TOO_LONG",
      detail: `expression is ${source.length} characters long; the limit is ${limits.maxExpressionLength}`,
    });
  }
  if (bracketDepth(source) > limits.maxExpressionNesting) {
    throw new ExpressionError({
      code: "EXPRESSION_TOO_DEEP",
      detail: `expression nests brackets deeper than ${limits.maxExpressionNesting} levels`,
    });
  }
}

/** Deepest nesting of ( [ { outside string literals, backtick names and comments. */
function bracketDepth(source: string): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '"' || c === "'" || c === "`") {
      const quote = c;
      for (i++; i < source.length && source[i] !== quote; i++) if (source[i] === "\\" && quote !== "`") i++;
    } else if (c === "/" && source[i + 1] === "*") {
      const end = source.indexOf("*/", i + 2);
      i = end < 0 ? source.length : end + 1;
    } else if (c === "(" || c === "[" || c === "{") {
      deepest = Math.max(deepest, ++depth);
    } else if (c === ")" || c === "]" || c === "}") {
      depth--;
    }
  }
  return deepest;
}

interface AstNode {
  type?: string;
  value?: unknown;
  procedure?: { type?: string; value?: unknown };
  arguments?: AstNode[];
  lhs?: unknown;
}

/**
 * Compile-time refusals: a path step or object-constructor key named `__proto__`, `constructor`
 * or `prototype` (such keys never exist in the data, so the expression is hostile or mistaken),
 * unsafe regex literals, and unsafe literal patterns given to $regexReplace.
 */
function checkAst(ast: unknown, limits: ExpressionLimits): void {
  const seen = new Set<object>();
  const forbidden = (key: unknown, what: string) => {
    if (typeof key === "string" && FORBIDDEN_KEYS.has(key)) {
      throw new ExpressionError({ code: "FORBIDDEN_KEY", detail: `${what} "${key}" is not allowed (such keys are removed from all data)` });
    }
  };
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== "object" || seen.has(node)) return;
    seen.add(node);
    const n = node as AstNode;
    if (n.type === "name") forbidden(n.value, "the field name");
    if (Array.isArray(n.lhs)) {
      for (const pair of n.lhs) if (Array.isArray(pair) && (pair[0] as AstNode)?.type === "string") forbidden((pair[0] as AstNode).value, "the key");
    }
    if (n.type === "regex" && n.value instanceof RegExp) {
      const problem = regexPatternProblem(n.value.source, limits);
      if (problem) throw new ExpressionError({ code: "UNSAFE_REGEX", detail: problem });
    }
    if (n.type === "function" && n.procedure?.type === "variable" && n.procedure.value === "regexReplace") {
      const pattern = n.arguments?.[1];
      if (pattern?.type === "string" && typeof pattern.value === "string") {
        try {
          compileRegex(pattern.value, "", limits);
        } catch (err) {
          const { code, detail } = err as ExpressionError;
          throw new ExpressionError({ code, detail: `$regexReplace: ${detail}` });
        }
      }
    }
    for (const value of Object.values(node)) visit(value);
  };
  visit(ast);
}
