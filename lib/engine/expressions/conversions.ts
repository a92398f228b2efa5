/**
 * The value conversions behind both the expression functions ($toNumber, $toBoolean, $toDate,
 * $default, $regexReplace) and the mapping transforms, so the two always agree.
 *
 * Empty values: `undefined` and `null` pass through every conversion unchanged; a blank string
 * becomes `null` in number, boolean and date conversions (it cannot be one). Error messages name
 * the type of a bad value, never the value itself (it may be a secret from `env`).
 */
import { ExpressionError } from "./expression-error";
import { assertRegexInput, regexPatternProblem } from "./guarded-regexp";
import type { ExpressionLimits } from "./limits";

/** jsonata's `$toMillis(text, picture)`; undefined when the text does not match. */
export type PictureParser = (text: string, picture: string) => number | undefined;

/** undefined, null, "" or only whitespace. */
export function isEmptyValue(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === "string" && value.trim() === "");
}

export function defaultValue(value: unknown, fallback: unknown): unknown {
  return isEmptyValue(value) ? fallback : value;
}

const NUMERIC = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Numbers as they are; numeric strings (decimal, optional exponent, spaces trimmed); booleans → 1/0. */
export function toNumberValue(value: unknown): unknown {
  if (value === undefined || value === null) return value;
  if (typeof value === "number") {
    if (Number.isFinite(value)) return value;
    throw conversion(`cannot convert ${value} to a number`);
  }
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value === "string") {
    const text = value.trim();
    if (text === "") return null;
    if (NUMERIC.test(text)) {
      const number = Number(text);
      if (Number.isFinite(number)) return number;
    }
    throw conversion(`cannot convert ${describeType(value)} to a number (expected digits like "12.5" or "-3e2")`);
  }
  throw conversion(`cannot convert ${describeType(value)} to a number`);
}

const TRUE_WORDS = new Set(["true", "yes", "y", "on", "1"]);
const FALSE_WORDS = new Set(["false", "no", "n", "off", "0"]);

/** Booleans as they are; "true"/"false", "yes"/"no", "on"/"off", "1"/"0" (any case); numbers: 0 is false. */
export function toBooleanValue(value: unknown): unknown {
  if (value === undefined || value === null || typeof value === "boolean") return value;
  if (typeof value === "number") {
    if (Number.isNaN(value)) throw conversion("cannot convert NaN to a boolean");
    return value !== 0;
  }
  if (typeof value === "string") {
    const word = value.trim().toLowerCase();
    if (word === "") return null;
    if (TRUE_WORDS.has(word)) return true;
    if (FALSE_WORDS.has(word)) return false;
    throw conversion(`cannot convert ${describeType(value)} to a boolean (expected true/false, yes/no, on/off or 1/0)`);
  }
  throw conversion(`cannot convert ${describeType(value)} to a boolean`);
}

/** Numbers below this magnitude are epoch seconds, above it epoch milliseconds (1e11 s is year 5138). */
export const EPOCH_SECONDS_BELOW = 1e11;
const ISO_8601 = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;
const EPOCH_TEXT = /^-?\d+(?:\.\d+)?$/;

/**
 * An ISO 8601 UTC timestamp (`2024-01-02T03:04:05.000Z`) from: a Date; an epoch number (seconds
 * below 1e11, else milliseconds) or such a number as text; an ISO 8601 date or date-time (no offset
 * means UTC); or, when `format` is given, text read with that jsonata picture string
 * (`[D01]/[M01]/[Y0001]`, as `$toMillis` takes).
 */
export function toDateValue(value: unknown, format: string | undefined, parsePicture: PictureParser): unknown {
  if (value === undefined || value === null) return value;
  if (value instanceof Date) return isoFromMillis(value.getTime());
  if (typeof value === "number") return isoFromEpoch(value);
  if (typeof value !== "string") throw conversion(`cannot convert ${describeType(value)} to a date`);
  const text = value.trim();
  if (text === "") return null;
  if (format !== undefined) return isoFromMillis(parseWithPicture(text, format, parsePicture));
  if (EPOCH_TEXT.test(text)) return isoFromEpoch(Number(text));
  const match = ISO_8601.exec(text);
  if (!match) throw conversion("cannot read the text as an ISO 8601 date (give a format, e.g. \"[D01]/[M01]/[Y0001]\")");
  const [, year, month, day, hour = "00", minute = "00", second = "00", fraction = "", zone = "Z"] = match;
  const offset = zone === "Z" || zone === "z" ? "Z" : zone.length === 3 ? `${zone}:00` : zone.includes(":") ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  const millis = fraction ? fraction.slice(0, 4).padEnd(4, "0") : "";
  const time = Date.parse(`${year}-${month}-${day}T${hour}:${minute}:${second}${millis}${offset}`);
  return isoFromMillis(time);
}

function parseWithPicture(text: string, picture: string, parsePicture: PictureParser): number {
  let millis: number | undefined;
  try {
    millis = parsePicture(text, picture);
  } catch (err) {
    const code = (err as { code?: unknown })?.code;
    throw conversion(`invalid date format "${picture}"${typeof code === "string" ? ` (jsonata ${code})` : ""}`);
  }
  if (millis === undefined) throw conversion(`the text does not match the date format "${picture}"`);
  return millis;
}

function isoFromEpoch(value: number): string {
  if (!Number.isFinite(value)) throw conversion(`cannot convert ${value} to a date`);
  return isoFromMillis(Math.abs(value) < EPOCH_SECONDS_BELOW ? value * 1000 : value);
}

function isoFromMillis(millis: number): string {
  const date = new Date(millis);
  if (Number.isNaN(date.getTime())) throw conversion("the value is not a valid date");
  return date.toISOString();
}

/** Text as jsonata's `$string` gives it: strings unchanged, numbers to 15 significant digits, data as JSON. */
export function toText(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw conversion(`cannot convert ${value} to text`);
    return String(roundNumber(value));
  }
  if (typeof value === "boolean") return String(value);
  return JSON.stringify(value, (_key, item: unknown) => (typeof item === "number" ? roundNumber(item) : item)) ?? "";
}

function roundNumber(value: number): number {
  return Number.isInteger(value) ? value : Number(value.toPrecision(15));
}

/** `toText`, leaving empty values (undefined, null) as they are: the `string` transform. */
export function toStringValue(value: unknown): unknown {
  return value === undefined || value === null ? value : toText(value);
}

/** Applies a string-only operation; empty values pass through, anything else but a string is an error. */
export function mapString(value: unknown, operation: (text: string) => string): unknown {
  if (value === undefined || value === null) return value;
  if (typeof value !== "string") throw conversion(`needs a string, got ${describeType(value)} (convert it with "string" first)`);
  return operation(value);
}

const REGEX_FLAGS = /^(?!.*(.).*\1)[gimsu]*$/;

/**
 * Replaces matches of `pattern` (a JavaScript regular expression as text) in `text`. `flags`
 * default to "g" (every match); give them explicitly to change that ("gi", or "" for the first
 * match only). `$1`, `$<name>` and `$&` work in `replacement`. Guards: pattern length, nested
 * quantifiers refused, input length bounded (see guarded-regexp.ts).
 */
export function regexReplace(text: unknown, pattern: unknown, replacement: unknown, flags: unknown, limits: ExpressionLimits): unknown {
  if (typeof pattern !== "string") throw conversion(`the pattern must be a string, got ${describeType(pattern)}`);
  if (typeof replacement !== "string") throw conversion(`the replacement must be a string, got ${describeType(replacement)}`);
  const flagText = flags === undefined || flags === null ? "g" : flags;
  if (typeof flagText !== "string" || !REGEX_FLAGS.test(flagText)) throw conversion('flags must be made of "g", "i", "m", "s", "u", each at most once');
  const regex = compileRegex(pattern, flagText, limits);
  if (text === undefined || text === null) return text;
  if (typeof text !== "string") throw conversion(`needs a string, got ${describeType(text)}`);
  assertRegexInput(text, limits);
  return text.replace(regex, replacement);
}

export function compileRegex(pattern: string, flags: string, limits: ExpressionLimits): RegExp {
  const problem = regexPatternProblem(pattern, limits);
  if (problem) throw new ExpressionError({ code: "UNSAFE_REGEX", detail: problem });
  try {
    return new RegExp(pattern, flags);
  } catch (err) {
    throw new ExpressionError({ code: "INVALID_REGEX", detail: `invalid regular expression: ${(err as Error).message}` });
  }
}

/** "a string", "a number", "an object"… for messages that must not quote the value. */
export function describeType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  const type = typeof value;
  return type === "object" || type === "undefined" ? `an ${type === "object" ? "object" : "undefined value"}` : `a ${type}`;
}

function conversion(detail: string): ExpressionError {
  return new ExpressionError({ code: "CONVERSION", detail });
}
