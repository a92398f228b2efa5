/**
 * Turns what jsonata throws (plain objects with a `code`, or our own ExpressionErrors passing
 * through it) into an ExpressionError with a readable detail, e.g.
 * `$uppercase: argument 1 must be a string, got a number`.
 */
import jsonata from "jsonata";
import { describeType } from "./conversions";
import { ExpressionError } from "./expression-error";

interface JsonataFailure {
  code?: unknown;
  message?: unknown;
  position?: unknown;
  token?: unknown;
  index?: unknown;
  value?: unknown;
  error?: unknown;
}

/** A compile-time (syntax) error from `jsonata(source)`. */
export function describeSyntaxError(err: unknown): ExpressionError {
  if (err instanceof ExpressionError) return err;
  if (err instanceof RangeError) return new ExpressionError({ code: "TOO_COMPLEX", detail: "expression is too deeply nested to parse" });
  const failure = (err ?? {}) as JsonataFailure;
  const position = typeof failure.position === "number" ? failure.position : undefined;
  const where = position === undefined ? "" : ` at character ${position}`;
  return new ExpressionError({
    code: typeof failure.code === "string" ? failure.code : "SYNTAX",
    detail: `syntax error${where}: ${String(failure.message ?? err)}`,
    position,
  });
}

/** An evaluation error. Async only because a signature may have to be looked up. */
export async function describeEvaluationError(err: unknown): Promise<ExpressionError> {
  if (err instanceof ExpressionError) return err;
  if (err instanceof RangeError) {
    const tooLong = /string length/i.test(err.message);
    return new ExpressionError({
      code: tooLong ? "STRING_TOO_LONG" : "TOO_COMPLEX",
      detail: tooLong ? "result string is too long" : "evaluation nested too deeply",
    });
  }
  const failure = (err ?? {}) as JsonataFailure;
  const code = typeof failure.code === "string" ? failure.code : "EVALUATION";
  const position = typeof failure.position === "number" ? failure.position : undefined;
  const token = typeof failure.token === "string" ? failure.token : undefined;
  const message = String(failure.message ?? err);
  let detail: string;
  switch (code) {
    case "D3120":
    case "D3121": {
      // $eval wraps the real error; report that one.
      const inner = code === "D3120" ? describeSyntaxError(failure.error) : await describeEvaluationError(failure.error);
      return new ExpressionError({ code: inner.code, detail: `$eval: ${inner.detail}`, position });
    }
    case "D1012":
      detail = `evaluation stopped after ${String(failure.value)} ms (an infinite loop or runaway recursion?)`;
      break;
    case "D1011":
      detail = `evaluation nested deeper than ${String(failure.value)} levels (runaway recursion?)`;
      break;
    case "D2014":
    case "D2015":
      detail = `a sequence grew too long (${String(failure.value)} items; see limits.maxSequence)`;
      break;
    case "T0410":
    case "T0411":
      detail = (await describeArgumentError(token, failure.index, failure.value)) ?? message;
      break;
    default:
      detail = message;
  }
  return new ExpressionError({ code, detail, position });
}

async function describeArgumentError(token: string | undefined, index: unknown, value: unknown): Promise<string | undefined> {
  if (!token || typeof index !== "number") return undefined;
  const params = signatureParams(await signatureOf(token));
  const expected = params?.[index - 1];
  const got = value === undefined ? "nothing" : describeType(value);
  if (!expected) return `$${token}: argument ${index} has the wrong type (got ${got})`;
  return `$${token}: argument ${index} must be ${describeParam(expected)}, got ${got}`;
}

const signatures = new Map<string, string | null>();
const FUNCTION_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The signature definition of a jsonata built-in (`<s-:s>` for $uppercase), or null. */
async function signatureOf(name: string): Promise<string | null> {
  if (!FUNCTION_NAME.test(name)) return null;
  const known = signatures.get(name);
  if (known !== undefined) return known;
  let definition: string | null = null;
  try {
    const fn = (await jsonata(`$${name}`).evaluate({})) as { signature?: { definition?: unknown } } | undefined;
    if (typeof fn?.signature?.definition === "string") definition = fn.signature.definition;
  } catch {
    definition = null;
  }
  if (signatures.size < 500) signatures.set(name, definition);
  return definition;
}

/** Top-level parameter types of a signature: `<s-nn?:s>` → ["s", "n", "n"]. */
export function signatureParams(definition: string | null): string[] | undefined {
  if (!definition || !definition.startsWith("<")) return undefined;
  const params: string[] = [];
  let i = 1;
  while (i < definition.length) {
    const c = definition[i];
    if (c === ":" || c === ">") break;
    if (c === "(") {
      const end = definition.indexOf(")", i);
      if (end < 0) return undefined;
      params.push(definition.slice(i + 1, end));
      i = end + 1;
    } else if (c === "<") {
      i = skipAngle(definition, i);
    } else if (/[a-z]/.test(c)) {
      params.push(c);
      i++;
    } else i++; // modifiers ? + -
  }
  return params;
}

function skipAngle(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    if (text[i] === "<") depth++;
    else if (text[i] === ">" && --depth === 0) return i + 1;
  }
  return text.length;
}

const TYPE_NAMES: Record<string, string> = {
  s: "a string",
  n: "a number",
  b: "a boolean",
  l: "null",
  a: "an array",
  o: "an object",
  f: "a function",
  x: "a value",
  j: "JSON data",
  u: "a string, number, boolean or null",
};

function describeParam(param: string): string {
  return [...param].map((c) => TYPE_NAMES[c] ?? c).join(" or ");
}
