// Where to send someone after signing in comes from the URL (`?next=`), so an attacker can
// choose it. Only a path on this site is accepted; anything else falls back to the home page.

const BASE = "http://junction.invalid";
const MAX_LENGTH = 2048;
// Browsers treat "\" as "/" and drop tabs and newlines, which turns "/\evil.com" or
// "/\t/evil.com" into "//evil.com": refuse them rather than guess how a browser reads them.
const UNSAFE_CHARACTERS = /[\\\u0000-\u001f\u007f]/;

/** A same-origin relative path (`/flows?tab=runs`) taken from untrusted input, or `fallback`. */
export function safeNextPath(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || value.length === 0 || value.length > MAX_LENGTH) return fallback;
  if (!value.startsWith("/") || value.startsWith("//") || UNSAFE_CHARACTERS.test(value)) return fallback;

  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;

  // Dot segments are resolved by the parser: "/.//evil.com" becomes "//evil.com".
  const path = url.pathname + url.search + url.hash;
  return path.startsWith("//") ? fallback : path;
}
