import { OutboundBlockedError } from "./errors";
import { assertFetchable } from "./request-target";

// Following a redirect the way fetch does, with the browser's manners about credentials.
// The client calls this per hop; the new URL goes through the same connect-time guard.

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

// Headers that describe a body; they go when the body goes.
const BODY_HEADERS = ["content-type", "content-length", "content-encoding", "content-language", "content-location"];
// Headers that carry the caller's identity; they never follow a redirect to another origin.
const CROSS_ORIGIN_DROPPED = ["authorization", "cookie", "proxy-authorization"];

export type Hop = { url: URL; method: string; headers: Record<string, string>; body: string | Uint8Array | undefined };

export function isRedirect(status: number): boolean {
  return REDIRECT_STATUSES.has(status);
}

/** The request to make after `status` with `location` (throws when Location is unusable). */
export function nextHop(current: Hop, status: number, location: string): Hop {
  let url: URL;
  try {
    url = new URL(location, current.url);
  } catch {
    throw new OutboundBlockedError("the redirect Location is not a valid URL", { host: current.url.host });
  }
  assertFetchable(url);

  let { method, body } = current;
  const headers = { ...current.headers };
  // 303 always, and 301/302 after POST, turn into GET without a body (fetch, RFC 9110 §15.4).
  if ((status === 303 && method !== "GET" && method !== "HEAD") || ((status === 301 || status === 302) && method === "POST")) {
    method = "GET";
    body = undefined;
    for (const name of BODY_HEADERS) delete headers[name];
  }
  if (url.origin !== current.url.origin) {
    for (const name of CROSS_ORIGIN_DROPPED) delete headers[name];
  }
  url.hash = "";
  return { url, method, headers, body };
}
