// PostgreSQL's jsonb and text cannot hold U+0000, which JSON.stringify writes as \u0000 (a
// response body or a webhook's JSON may well contain one). Where such JSON is stored, U+FFFD
// takes its place; the raw bytes, where they are kept (a webhook's raw body), stay exact.
// Only an escape preceded by an even number of backslashes is one: "\\u0000" is a backslash
// and "u0000".
const NUL_ESCAPE = /(?<!\\)((?:\\\\)*)\\u0000/g;

/** JSON text with every escaped U+0000 written as U+FFFD. */
export function jsonWithoutNul(json: string): string {
  return json.includes("\\u0000") ? json.replace(NUL_ESCAPE, "$1\\ufffd") : json;
}
