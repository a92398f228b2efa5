/**
 * Templates: any JSON value whose strings may hold `{{ expression }}` placeholders, evaluated
 * against the step context `{ trigger, steps, env }` (the expressions' root, `$`).
 *
 * - A string that is exactly one placeholder (nothing else, not even spaces) yields the
 *   expression's value as it is: number, boolean, object, array, null.
 * - A string mixing text and placeholders yields a string: strings as they are, numbers as
 *   jsonata's `$string` writes them (15 significant digits), booleans, objects and arrays as JSON,
 *   undefined and null as "".
 * - An expression with no value (undefined): the property is omitted from its object, an array
 *   element becomes null, and a whole template that is one such placeholder gives null.
 * - Object keys are literal (never interpolated); `__proto__`, `constructor` and `prototype` keys
 *   in a template are a compile error. Every other value is copied as is.
 */
import { toText } from "./conversions";
import { compileExpression, sharedExpressionCache, type CompiledExpression } from "./compile-expression";
import type { ExpressionCache } from "./expression-cache";
import { ExpressionError, ExpressionValidationError, formatPath } from "./expression-error";
import { NEEDS_JSONATA } from "./fast-path";
import { resolveLimits, type ExpressionLimits } from "./limits";
import { parsePlaceholders } from "./placeholders";
import { FORBIDDEN_KEYS, newBudget, outputString, sanitizeInput, sanitizeOutput, type OutputBudget } from "./plain-data";

export interface ExpressionOptions {
  /** Overrides of DEFAULT_EXPRESSION_LIMITS. */
  limits?: Partial<ExpressionLimits>;
  /** Compile cache; the process-wide one by default. */
  cache?: ExpressionCache<CompiledExpression>;
}

/** What templates are evaluated against; the caller decides what goes in (all plain data). */
export interface TemplateContext {
  trigger?: unknown;
  steps?: Record<string, unknown>;
  env?: Record<string, unknown>;
  [name: string]: unknown;
}

export interface CompiledTemplate {
  /** Number of placeholders in the template (0: it is a constant). */
  readonly placeholderCount: number;
  /** The template's value in `context`; rejects with an ExpressionError naming the location. */
  evaluate(context: TemplateContext): Promise<unknown>;
}

type Node =
  | { kind: "constant"; value: string | number | boolean | null | undefined }
  | { kind: "object"; entries: [string, Node][] }
  | { kind: "array"; items: Node[] }
  | { kind: "value"; path: string; placeholder: Placeholder }
  | { kind: "text"; path: string; parts: (string | Placeholder)[] };

interface Placeholder {
  expression: CompiledExpression;
  raw: string;
}

/** Compiles every placeholder once; throws ExpressionValidationError listing every problem. */
export function compileTemplate(template: unknown, options: ExpressionOptions = {}): CompiledTemplate {
  const limits = resolveLimits(options.limits);
  const compiler = new TemplateCompiler(limits, options.cache ?? sharedExpressionCache);
  const root = compiler.compile(template, [], 0);
  if (compiler.errors.length) throw new ExpressionValidationError(compiler.errors);
  const placeholderCount = compiler.placeholders;
  return {
    placeholderCount,
    async evaluate(context) {
      const state: EvaluationState = { context, sanitized: undefined, limits, budget: newBudget(limits) };
      const value = await evaluateNode(root, state);
      return value === undefined ? null : value;
    },
  };
}

/** Every problem in a template (syntax errors, unsafe regexes, forbidden keys…); [] when it is valid. */
export function validateTemplate(template: unknown, options: ExpressionOptions = {}): ExpressionError[] {
  const compiler = new TemplateCompiler(resolveLimits(options.limits), options.cache ?? sharedExpressionCache);
  compiler.compile(template, [], 0);
  return compiler.errors;
}

class TemplateCompiler {
  readonly errors: ExpressionError[] = [];
  placeholders = 0;

  constructor(
    private readonly limits: ExpressionLimits,
    private readonly cache: ExpressionCache<CompiledExpression>,
  ) {}

  compile(value: unknown, path: (string | number)[], depth: number): Node {
    if (depth > this.limits.maxDataDepth) {
      return this.fail(path, "TEMPLATE_TOO_DEEP", `template is nested deeper than ${this.limits.maxDataDepth} levels`);
    }
    if (typeof value === "string") return this.compileString(value, path);
    if (value === null || value === undefined || typeof value === "boolean") return { kind: "constant", value };
    if (typeof value === "number") {
      return Number.isFinite(value) ? { kind: "constant", value } : this.fail(path, "INVALID_TEMPLATE", "numbers must be finite");
    }
    if (Array.isArray(value)) {
      return { kind: "array", items: value.map((item, index) => this.compile(item, [...path, index], depth + 1)) };
    }
    if (typeof value === "object" && !(value instanceof Date)) {
      const entries: [string, Node][] = [];
      for (const key of Object.keys(value)) {
        if (FORBIDDEN_KEYS.has(key)) {
          this.fail([...path, key], "FORBIDDEN_KEY", `the key "${key}" is not allowed`);
          continue;
        }
        entries.push([key, this.compile((value as Record<string, unknown>)[key], [...path, key], depth + 1)]);
      }
      return { kind: "object", entries };
    }
    return this.fail(path, "INVALID_TEMPLATE", `a template holds JSON values only, not ${typeof value}`);
  }

  private compileString(text: string, path: (string | number)[]): Node {
    const where = formatPath(path);
    let parts;
    try {
      parts = parsePlaceholders(text);
    } catch (err) {
      return this.record(err, where);
    }
    const compiled: (string | Placeholder)[] = [];
    for (const part of parts) {
      if (part.kind === "text") {
        compiled.push(part.text);
        continue;
      }
      this.placeholders++;
      try {
        compiled.push({ expression: compileExpression(part.source, this.limits, this.cache), raw: part.raw });
      } catch (err) {
        this.record(err, where, part.raw);
      }
    }
    if (compiled.length === 1 && typeof compiled[0] !== "string") return { kind: "value", path: where, placeholder: compiled[0] };
    if (compiled.every((part) => typeof part === "string")) return { kind: "constant", value: text };
    return { kind: "text", path: where, parts: compiled };
  }

  private record(err: unknown, path: string, expression?: string): Node {
    this.errors.push(locate(err, path, expression));
    return { kind: "constant", value: undefined };
  }

  private fail(path: (string | number)[], code: string, detail: string): Node {
    this.errors.push(new ExpressionError({ code, detail, path: formatPath(path) }));
    return { kind: "constant", value: undefined };
  }
}

interface EvaluationState {
  context: unknown;
  /** The context as plain data, made once per evaluation and only if jsonata is needed. */
  sanitized: unknown;
  limits: ExpressionLimits;
  budget: OutputBudget;
}

async function evaluateNode(node: Node, state: EvaluationState): Promise<unknown> {
  switch (node.kind) {
    case "constant":
      return typeof node.value === "string" ? outputString(node.value, state.limits, state.budget) : node.value;
    case "object": {
      const entries: [string, unknown][] = [];
      for (const [key, child] of node.entries) {
        const value = await evaluateNode(child, state);
        if (value !== undefined) entries.push([key, value]);
      }
      return Object.fromEntries(entries); // defines properties: no setter can run
    }
    case "array": {
      const items: unknown[] = [];
      for (const child of node.items) items.push((await evaluateNode(child, state)) ?? null);
      return items;
    }
    case "value":
      try {
        return sanitizeOutput(await evaluatePlaceholder(node.placeholder, state), state.limits, state.budget);
      } catch (err) {
        throw locate(err, node.path, node.placeholder.raw);
      }
    case "text": {
      let text = "";
      let current: Placeholder | undefined;
      try {
        for (const part of node.parts) {
          if (typeof part === "string") {
            text += part;
            continue;
          }
          current = part;
          // A scratch budget: only the final string counts towards the template's size.
          const value = sanitizeOutput(await evaluatePlaceholder(part, state), state.limits, newBudget(state.limits));
          if (value !== undefined && value !== null) text += toText(value);
        }
        current = undefined;
        return outputString(text, state.limits, state.budget);
      } catch (err) {
        throw locate(err, node.path, current?.raw);
      }
    }
  }
}

function evaluatePlaceholder(placeholder: Placeholder, state: EvaluationState): unknown {
  const fast = placeholder.expression.readFast(state.context);
  if (fast !== NEEDS_JSONATA) return fast;
  state.sanitized ??= sanitizeInput(state.context, state.limits);
  return placeholder.expression.evaluate(state.sanitized);
}

/** Places any failure at a template location, keeping unexpected errors' messages. */
export function locate(err: unknown, path: string, expression?: string): ExpressionError {
  const error =
    err instanceof ExpressionError
      ? err
      : new ExpressionError({ code: "INTERNAL", detail: err instanceof Error ? err.message : String(err) });
  return error.at({ path, expression });
}
