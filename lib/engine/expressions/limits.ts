/**
 * Safety limits for expression compilation and evaluation. Every limit is a documented default
 * that a caller may override per template or mapping (`options.limits`).
 */
export interface ExpressionLimits {
  /** Wall-clock time one expression evaluation may take (jsonata's `timeout` guardrail). */
  readonly timeoutMs: number;
  /** Nesting depth of jsonata's evaluator (its `stack` guardrail): stops runaway non-tail recursion. */
  readonly maxDepth: number;
  /** Longest sequence/array any step of an expression may produce (jsonata's `sequence` guardrail). */
  readonly maxSequence: number;
  /** Longest string (UTF-16 code units) any step may produce or an output may contain. */
  readonly maxStringLength: number;
  /** Approximate serialized size of one template result or one mapped record. */
  readonly maxOutputSize: number;
  /** Nesting depth of data read from the context or written to an output (also stops cycles). */
  readonly maxDataDepth: number;
  /** Characters in one expression source. */
  readonly maxExpressionLength: number;
  /** Bracket nesting `( [ {` in one expression source; jsonata's parser is recursive. */
  readonly maxExpressionNesting: number;
  /** Characters in one regular expression pattern. */
  readonly maxRegexPatternLength: number;
  /** Characters a regular expression may be run against (bounds backtracking work). */
  readonly maxRegexInputLength: number;
}

export const DEFAULT_EXPRESSION_LIMITS: ExpressionLimits = Object.freeze({
  timeoutMs: 1_000,
  maxDepth: 500,
  maxSequence: 100_000,
  maxStringLength: 1 << 20,
  maxOutputSize: 10 << 20,
  maxDataDepth: 128,
  maxExpressionLength: 10_000,
  maxExpressionNesting: 100,
  maxRegexPatternLength: 1_000,
  maxRegexInputLength: 10_000,
});

export function resolveLimits(overrides?: Partial<ExpressionLimits>): ExpressionLimits {
  if (!overrides) return DEFAULT_EXPRESSION_LIMITS;
  const limits = { ...DEFAULT_EXPRESSION_LIMITS };
  for (const key of Object.keys(DEFAULT_EXPRESSION_LIMITS) as (keyof ExpressionLimits)[]) {
    const value = overrides[key];
    if (value === undefined) continue;
    if (!Number.isFinite(value) || value <= 0) throw new RangeError(`limits.${key} must be a positive number`);
    limits[key] = value;
  }
  return Object.freeze(limits);
}

/** A stable key for caching compiled expressions per set of limits. */
export function limitsKey(limits: ExpressionLimits): string {
  return limits === DEFAULT_EXPRESSION_LIMITS ? "default" : JSON.stringify(limits);
}
