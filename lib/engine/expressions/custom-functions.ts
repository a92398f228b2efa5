/**
 * Functions Junction adds to every expression, next to jsonata's built-ins ($uppercase,
 * $lowercase, $trim, $number, $string, $boolean, $replace, $now, $fromMillis, $toMillis…):
 *
 * | function | does |
 * |---|---|
 * | `$default(value, fallback)` | `fallback` when value is undefined, null, "" or only whitespace |
 * | `$regexReplace(text, pattern, replacement, flags?)` | regex replace; pattern as text; flags default "g" |
 * | `$toDate(value, format?)` | ISO 8601 UTC text from ISO text, epoch s/ms, or text in a jsonata picture format |
 * | `$toNumber(value)` | number from a number, numeric text or boolean |
 * | `$toBoolean(value)` | boolean from true/false, yes/no, on/off, 1/0 (any case) or a number |
 *
 * They share their rules with the mapping transforms (conversions.ts).
 */
import type jsonata from "jsonata";
import {
  defaultValue,
  describeType,
  regexReplace,
  toBooleanValue,
  toDateValue,
  toNumberValue,
} from "./conversions";
import { loadPictureParser } from "./date-picture";
import { ExpressionError } from "./expression-error";
import type { ExpressionLimits } from "./limits";

const MAX_FORMAT_LENGTH = 200;

export function registerCustomFunctions(expression: jsonata.Expression, limits: ExpressionLimits): void {
  expression.registerFunction("default", named("default", (value, fallback) => defaultValue(value, fallback)));
  expression.registerFunction(
    "regexReplace",
    named("regexReplace", (text, pattern, replacement, flags) => regexReplace(text, pattern, replacement, flags, limits)),
  );
  expression.registerFunction("toNumber", named("toNumber", (value) => toNumberValue(value)));
  expression.registerFunction("toBoolean", named("toBoolean", (value) => toBooleanValue(value)));
  expression.registerFunction(
    "toDate",
    named("toDate", async (value, format) => {
      if (format !== undefined && (typeof format !== "string" || format.length > MAX_FORMAT_LENGTH)) {
        throw new ExpressionError({ code: "CONVERSION", detail: `the format must be text of at most ${MAX_FORMAT_LENGTH} characters, got ${describeType(format)}` });
      }
      if (typeof value === "string" && value.length > limits.maxRegexInputLength) {
        throw new ExpressionError({ code: "CONVERSION", detail: "the text is too long to be a date" });
      }
      return toDateValue(value, format as string | undefined, await loadPictureParser());
    }),
  );
}

type Implementation = (...args: unknown[]) => unknown;

/** Prefixes our errors with the function name: `$toNumber: cannot convert a string to a number`. */
function named(name: string, implementation: Implementation): Implementation {
  const prefix = (err: unknown): never => {
    if (err instanceof ExpressionError) throw new ExpressionError({ code: err.code, detail: `$${name}: ${err.detail}` });
    throw err;
  };
  return (...args) => {
    try {
      const result = implementation(...args);
      return result instanceof Promise ? result.catch(prefix) : result;
    } catch (err) {
      return prefix(err);
    }
  };
}
