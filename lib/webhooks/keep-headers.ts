// The headers kept with an event: enough to verify, deduplicate and map it, bounded so a
// header flood cannot bloat the database. Credentials-looking headers are never stored.

const MAX_HEADERS = 40;
const MAX_VALUE = 2048;
const NEVER = new Set(["authorization", "cookie", "proxy-authorization", "x-api-key"]);

export function keptHeaders(headers: Headers, signatureHeaders: readonly string[]): Record<string, string> {
  const wanted = new Set(signatureHeaders.map((h) => h.toLowerCase()));
  const kept: Record<string, string> = {};
  let count = 0;
  for (const [name, value] of headers) {
    const key = name.toLowerCase();
    if (NEVER.has(key)) continue;
    if (count >= MAX_HEADERS && !wanted.has(key)) continue;
    kept[key] = value.slice(0, MAX_VALUE);
    count++;
  }
  return kept;
}
