/**
 * The fast path: expressions that are plain paths are read directly instead of through jsonata.
 *
 * Forms that take it (whole expression, surrounding spaces ignored):
 *   name ( "[" index "]" )? ( "." name ( "[" index "]" )? )*
 * where `name` is an ASCII identifier `[A-Za-z_][A-Za-z0-9_]*` other than jsonata's words
 * (`and or in true false null function`), `__proto__`, `constructor`, `prototype` or `_jsonata_…`,
 * and `index` is a non-negative integer below 10^9 (at most one per name). So
 * `trigger.body.user.email` and `steps.lookup.output.items[0].id` qualify; `$.a`, `a[-1]`,
 * `a[0][1]`, `` `odd name` ``, `a.b.$string()` and everything else go to jsonata.
 *
 * Reads check own properties of plain objects only (never the prototype chain). Where the data
 * would make jsonata's answer differ from a plain read — an array met before a name (jsonata maps
 * over it), a non-plain object (Date, Map, class instance) or an array root — the read gives up
 * with NEEDS_JSONATA and the caller evaluates with jsonata, so both paths always agree.
 */
export type PathSegment = string | number;

export const NEEDS_JSONATA: unique symbol = Symbol("needs jsonata");

const FAST_PATH = /^[A-Za-z_][A-Za-z0-9_]*(?:\[(?:0|[1-9][0-9]{0,8})\])?(?:\.[A-Za-z_][A-Za-z0-9_]*(?:\[(?:0|[1-9][0-9]{0,8})\])?)*$/;
const NOT_A_NAME = new Set(["and", "or", "in", "true", "false", "null", "function", "__proto__", "constructor", "prototype"]);

/** The segments of a fast-path expression, or null when it must go through jsonata. */
export function parseFastPath(source: string): PathSegment[] | null {
  const text = source.trim();
  if (text.length > 1_000 || !FAST_PATH.test(text)) return null;
  const segments: PathSegment[] = [];
  for (const step of text.split(".")) {
    const bracket = step.indexOf("[");
    const name = bracket < 0 ? step : step.slice(0, bracket);
    if (NOT_A_NAME.has(name) || name.startsWith("_jsonata_")) return null;
    segments.push(name);
    if (bracket >= 0) segments.push(Number(step.slice(bracket + 1, -1)));
  }
  return segments;
}

/** The value at `segments` in `input`, as jsonata would give it, or NEEDS_JSONATA. */
export function readFastPath(segments: readonly PathSegment[], input: unknown): unknown {
  let current: unknown = input;
  if (!isPlainObject(current)) return NEEDS_JSONATA;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    if (typeof segment === "number") {
      if (Array.isArray(current)) {
        if (segment >= current.length) return undefined;
        current = current[segment];
        // A hole or an explicit undefined: jsonata sees the sanitized null instead.
        if (current === undefined) return NEEDS_JSONATA;
      } else if (segment !== 0) {
        // jsonata treats a single value as a sequence of one: x[0] is x, x[1] is nothing.
        return undefined;
      }
      continue;
    }
    if (current === null || typeof current !== "object") return undefined;
    if (!isPlainObject(current)) return NEEDS_JSONATA;
    if (!Object.prototype.hasOwnProperty.call(current, segment)) return undefined;
    current = (current as Record<string, unknown>)[segment];
    if (current === undefined) return undefined;
  }
  if (current !== null && typeof current === "object" && !Array.isArray(current) && !isPlainObject(current)) return NEEDS_JSONATA;
  return current;
}

function isPlainObject(value: unknown): value is object {
  if (value === null || typeof value !== "object") return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
