import { loadEnv } from "@/lib/env";

// Where links to this site point (webhook URLs, email links, OAuth callbacks): always
// JUNCTION_PUBLIC_URL when it is set, else what the request says. Behind a proxy without
// JUNCTION_PUBLIC_URL, the request's Host (or X-Forwarded-Host) is all there is; the README
// says to set JUNCTION_PUBLIC_URL in production for that reason.

interface HeaderSource {
  get(name: string): string | null;
}

function configured(): string | undefined {
  return loadEnv().JUNCTION_PUBLIC_URL?.replace(/\/+$/, "");
}

/** For route handlers: JUNCTION_PUBLIC_URL, else the origin of the request's URL. No trailing slash. */
export function publicOrigin(request: Request): string {
  return configured() ?? new URL(request.url).origin;
}

/**
 * For Server Actions, which see headers rather than a URL: JUNCTION_PUBLIC_URL, else the
 * Origin header (Next runs an action only when it matches the host), else the host headers.
 */
export function originFromHeaders(headers: HeaderSource): string {
  const base = configured();
  if (base) return base;
  const origin = headers.get("origin");
  if (origin && origin !== "null") return origin;
  const host = headers.get("x-forwarded-host") ?? headers.get("host") ?? "127.0.0.1:3000";
  const local = /^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/.test(host);
  return `${headers.get("x-forwarded-proto") ?? (local ? "http" : "https")}://${host}`;
}
