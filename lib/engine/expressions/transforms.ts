/**
 * Mapping transforms compiled to plain synchronous functions, applied in order after the field's
 * expression. They follow the same rules as the expression functions (conversions.ts): empty
 * values (undefined, null) pass through conversions, so `[number, default 0]` and
 * `[default "0", number]` both work; `uppercase`/`lowercase`/`trim`/`regex_replace` need a string.
 */
import {
  compileRegex,
  isEmptyValue,
  mapString,
  toBooleanValue,
  toDateValue,
  toNumberValue,
  toStringValue,
  type PictureParser,
} from "./conversions";
import { ExpressionError } from "./expression-error";
import { assertRegexInput } from "./guarded-regexp";
import type { ExpressionLimits } from "./limits";
import type { Transform } from "./mapping-schema";
import { newBudget, sanitizeOutput } from "./plain-data";

export type TransformFunction = (value: unknown) => unknown;

/** Supplies jsonata's picture parser to `date` transforms with a format (loaded before use). */
export type PictureParserSource = () => PictureParser;

/** One function applying `transforms` in order, or null when there are none. Throws for a bad regex. */
export function compileTransforms(
  transforms: readonly Transform[] | undefined,
  limits: ExpressionLimits,
  pictureParser: PictureParserSource,
): TransformFunction | null {
  if (!transforms?.length) return null;
  const steps = transforms.map((transform) => named(transform.type, compileTransform(transform, limits, pictureParser)));
  if (steps.length === 1) return steps[0];
  return (value) => {
    let result = value;
    for (const step of steps) result = step(result);
    return result;
  };
}

/** Whether any transform needs jsonata's date picture parser. */
export function needsPictureParser(transforms: readonly Transform[] | undefined): boolean {
  return transforms?.some((transform) => transform.type === "date" && transform.format !== undefined) ?? false;
}

function compileTransform(transform: Transform, limits: ExpressionLimits, pictureParser: PictureParserSource): TransformFunction {
  switch (transform.type) {
    case "uppercase":
      return (value) => mapString(value, (text) => text.toUpperCase());
    case "lowercase":
      return (value) => mapString(value, (text) => text.toLowerCase());
    case "trim":
      return (value) => mapString(value, (text) => text.trim());
    case "regex_replace": {
      const regex = compileRegex(transform.pattern, transform.flags ?? "g", limits);
      const { replacement } = transform;
      return (value) =>
        mapString(value, (text) => {
          assertRegexInput(text, limits);
          regex.lastIndex = 0;
          return text.replace(regex, replacement);
        });
    }
    case "number":
      return toNumberValue;
    case "string":
      return toStringValue;
    case "boolean":
      return toBooleanValue;
    case "date": {
      const { format } = transform;
      return format === undefined
        ? (value) => toDateValue(value, undefined, noPictureParser)
        : (value) => toDateValue(value, format, pictureParser());
    }
    case "default": {
      const fallback = sanitizeOutput(transform.value, limits, newBudget(limits));
      // Objects and arrays are copied per use so one record's output never aliases another's.
      const copy = fallback !== null && typeof fallback === "object";
      return (value) => (isEmptyValue(value) ? (copy ? structuredClone(fallback) : fallback) : value);
    }
  }
}

const noPictureParser: PictureParser = () => undefined;

/** Prefixes errors with the transform: `transform "lowercase": needs a string, got a number`. */
function named(type: string, step: TransformFunction): TransformFunction {
  return (value) => {
    try {
      return step(value);
    } catch (err) {
      if (err instanceof ExpressionError) throw new ExpressionError({ code: err.code, detail: `transform "${type}": ${err.detail}` });
      throw err;
    }
  };
}
