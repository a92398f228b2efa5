// Pure helpers the engine's retry policy reads a response with. No clock of their own.

/** 408, 425, 429 and every 5xx: worth trying again later. Other statuses are final. */
export function isTransientStatus(status: number): boolean {
  return status === 408 || status === 425 || status === 429 || (status >= 500 && status <= 599);
}

/** The longest wait a server can ask for; beyond it the engine's own schedule takes over. */
export const MAX_RETRY_AFTER_MS = 60 * 60 * 1000;

type HeaderSource = Headers | Record<string, string | readonly string[] | undefined> | string | null | undefined;

/**
 * Milliseconds to wait according to `Retry-After` (delta seconds or an HTTP date), never
 * negative and never above `maxMs`; undefined when the header is missing or unreadable.
 */
export function retryAfterMs(
  headers: HeaderSource,
  now: number | Date = Date.now(),
  maxMs: number = MAX_RETRY_AFTER_MS,
): number | undefined {
  const raw = headerValue(headers)?.trim();
  if (!raw) return undefined;

  let ms: number;
  if (/^\d+(\.\d+)?$/.test(raw)) {
    ms = Math.round(Number(raw) * 1000);
  } else {
    // HTTP dates always name a weekday or month; this keeps Date.parse from guessing at "5s".
    const at = /[a-z]{3}/i.test(raw) ? Date.parse(raw) : NaN;
    if (Number.isNaN(at)) return undefined;
    ms = at - (typeof now === "number" ? now : now.getTime());
  }
  return Math.min(Math.max(ms, 0), maxMs);
}

function headerValue(headers: HeaderSource): string | undefined {
  if (headers == null) return undefined;
  if (typeof headers === "string") return headers;
  if (headers instanceof Headers) return headers.get("retry-after") ?? undefined;
  const key = Object.keys(headers).find((k) => k.toLowerCase() === "retry-after");
  const value = key === undefined ? undefined : headers[key];
  return typeof value === "string" ? value : value?.[0];
}
