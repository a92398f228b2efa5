import { firstText, readPath } from "./paths";
import type { ConnectorDefinition } from "./types";

// Reading a service's responses the way its definition says: error messages, body-level
// failures on a 2xx, and how long to wait before retrying.

/** Statuses worth retrying (408, 425, 429, 5xx): the outbound client's one definition. */
export { isTransientStatus } from "@/lib/http/retry-after";

/** True when a 2xx body still reports failure (Slack's `"ok": false`). */
export function bodyReportsFailure(def: ConnectorDefinition, json: unknown): boolean {
  const okPath = def.errors?.okPath;
  return okPath !== undefined && readPath(json, okPath) === false;
}

/** The service's own error message, shortened; undefined when the body has none. */
export function errorMessage(def: ConnectorDefinition, json: unknown): string | undefined {
  const paths = def.errors?.messagePaths ?? [];
  const text = firstText(json, paths);
  if (text) return text.slice(0, 300);
  for (const path of paths) {
    const value = readPath(json, path);
    if (value !== undefined && value !== null && typeof value === "object") return JSON.stringify(value).slice(0, 300);
  }
  return undefined;
}

type HeaderSource = Headers | Record<string, string | undefined>;

function header(headers: HeaderSource, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : headers[key];
}

/**
 * Milliseconds to wait before retrying, from the first declared retry header present, or the
 * connector's cooldown for a 429 without one. Undefined when nothing says.
 */
export function retryAfterMs(
  def: ConnectorDefinition,
  headers: HeaderSource,
  options: { status?: number; now?: number } = {},
): number | undefined {
  const now = options.now ?? Date.now();
  for (const spec of def.retryHeaders) {
    const raw = header(headers, spec.name)?.trim();
    if (!raw) continue;
    if (spec.onlyWhen && header(headers, spec.onlyWhen.header)?.trim() !== spec.onlyWhen.equals) continue;
    const seconds = Number(raw);
    let ms: number | undefined;
    if (spec.format === "epoch-seconds") ms = Number.isFinite(seconds) ? seconds * 1000 - now : undefined;
    else if (Number.isFinite(seconds)) ms = seconds * 1000;
    else if (spec.format === "date-or-seconds") {
      const at = Date.parse(raw);
      ms = Number.isNaN(at) ? undefined : at - now;
    }
    if (ms !== undefined) return Math.max(0, Math.ceil(ms));
  }
  if (options.status === 429 && def.rateLimit.cooldownSeconds) return def.rateLimit.cooldownSeconds * 1000;
  return undefined;
}
