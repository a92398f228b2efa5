/**
 * Copies values into plain JSON data on the way into and out of expressions, so that
 * `__proto__`, `constructor` and `prototype` keys never reach an object we build, jsonata's
 * function objects never leave an expression, and nothing cyclic or absurdly large gets through.
 */
import { ExpressionError } from "./expression-error";
import type { ExpressionLimits } from "./limits";

/** Keys that never reach an object built by this module, at any depth. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

/** Forbidden keys, and jsonata's reserved `_jsonata_*` markers (which make data look like a function). */
export function isDroppedKey(key: string): boolean {
  return FORBIDDEN_KEYS.has(key) || key.startsWith("_jsonata_");
}

/** Remaining approximate serialized size an output may still use. */
export interface OutputBudget {
  remaining: number;
}

export function newBudget(limits: ExpressionLimits): OutputBudget {
  return { remaining: limits.maxOutputSize };
}

type Mode = "input" | "output";

/**
 * Context data → plain data: forbidden and `_jsonata_*` keys dropped, functions and symbols
 * dropped, Dates → ISO strings, bigints → strings, non-finite numbers → null (as JSON would).
 */
export function sanitizeInput(value: unknown, limits: ExpressionLimits): unknown {
  return copy(value, "input", limits, undefined, 0);
}

/**
 * Expression result → plain data, with the same key rules, plus: a function result, a non-finite
 * number, a string over `maxStringLength` or a total over `maxOutputSize` is an error.
 */
export function sanitizeOutput(value: unknown, limits: ExpressionLimits, budget: OutputBudget): unknown {
  switch (typeof value) {
    case "undefined":
    case "boolean":
      return value;
    case "string":
      return outputString(value, limits, budget);
    case "number":
      return outputNumber(value, budget);
    default:
      return copy(value, "output", limits, budget, 0);
  }
}

/** Output rule for one string, exported for the mapping hot path. */
export function outputString(value: string, limits: ExpressionLimits, budget: OutputBudget): string {
  if (value.length > limits.maxStringLength) {
    throw failure("STRING_TOO_LONG", `result is a string of ${value.length} characters; the limit is ${limits.maxStringLength}`);
  }
  budget.remaining -= value.length + 2;
  if (budget.remaining < 0) throw tooLarge(limits);
  return value;
}

/** Output rule for one number, exported for the mapping hot path. */
export function outputNumber(value: number, budget: OutputBudget): number {
  if (!Number.isFinite(value)) throw failure("NOT_FINITE", `result is not a finite number (${value})`);
  budget.remaining -= 8;
  return value;
}

/**
 * A jsonata function or lambda, which may carry closures over the whole evaluation context.
 * Real ones hold JavaScript functions, so data that merely has the marker keys is not one.
 */
export function isJsonataFunction(value: object): boolean {
  const v = value as { _jsonata_function?: unknown; _jsonata_lambda?: unknown; implementation?: unknown; environment?: { lookup?: unknown } };
  if (v._jsonata_function === true) return typeof v.implementation === "function";
  if (v._jsonata_lambda === true) return typeof v.environment?.lookup === "function";
  return false;
}

function copy(value: unknown, mode: Mode, limits: ExpressionLimits, budget: OutputBudget | undefined, depth: number): unknown {
  switch (typeof value) {
    case "undefined":
    case "symbol":
      return undefined;
    case "boolean":
      if (budget) budget.remaining -= 5;
      return value;
    case "string":
      return budget ? outputString(value, limits, budget) : value;
    case "number":
      if (budget) return outputNumber(value, budget);
      return Number.isFinite(value) ? value : null;
    case "bigint":
      return budget ? outputString(value.toString(), limits, budget) : value.toString();
    case "function":
      if (mode === "output") throw functionResult();
      return undefined;
  }
  if (value === null) return null;
  const object = value as object;
  if (isJsonataFunction(object)) {
    if (mode === "output") throw functionResult();
    return undefined;
  }
  if (depth >= limits.maxDataDepth) {
    throw failure("DATA_TOO_DEEP", `${mode === "input" ? "input" : "result"} is nested deeper than ${limits.maxDataDepth} levels (or is cyclic)`);
  }
  if (budget) {
    budget.remaining -= 2;
    if (budget.remaining < 0) throw tooLarge(limits);
  }
  if (Array.isArray(object)) {
    // A fresh plain array: jsonata's sequences carry extra flags (`sequence`, `keepSingleton`).
    const out = new Array<unknown>(object.length);
    for (let i = 0; i < object.length; i++) {
      const item = copy(object[i], mode, limits, budget, depth + 1);
      out[i] = item === undefined ? null : item;
    }
    return out;
  }
  if (object instanceof Date) {
    const time = object.getTime();
    const iso = Number.isNaN(time) ? null : object.toISOString();
    return budget && iso !== null ? outputString(iso, limits, budget) : iso;
  }
  const entries: [string, unknown][] = [];
  for (const key of Object.keys(object)) {
    if (isDroppedKey(key)) continue;
    const item = copy((object as Record<string, unknown>)[key], mode, limits, budget, depth + 1);
    if (item === undefined) continue;
    if (budget) budget.remaining -= key.length + 3;
    entries.push([key, item]);
  }
  if (budget && budget.remaining < 0) throw tooLarge(limits);
  // fromEntries defines properties (never runs a setter) and gives an ordinary plain object.
  return Object.fromEntries(entries);
}

function failure(code: string, detail: string): ExpressionError {
  return new ExpressionError({ code, detail });
}

function tooLarge(limits: ExpressionLimits): ExpressionError {
  return failure("OUTPUT_TOO_LARGE", `result is larger than ${limits.maxOutputSize} characters`);
}

function functionResult(): ExpressionError {
  return failure("FUNCTION_RESULT", "result is a function, not data (call it with arguments)");
}
