import { InvalidOutboundRequestError, OutboundBlockedError } from "./errors";

// Turning the caller's url + query into a URL the client may fetch, and describing it in
// messages without its query string (where credentials and tokens tend to live).

export type QueryValue = string | number | boolean;
export type QueryParams = Record<string, QueryValue | readonly QueryValue[] | undefined>;

/** Parses and checks the first URL of a request, appending `query` to its search params. */
export function parseTarget(input: string | URL, query?: QueryParams): URL {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw new InvalidOutboundRequestError("the URL is not a valid absolute URL");
  }
  assertFetchable(url);
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) url.searchParams.append(key, String(item));
  }
  return url;
}

/** http/https only, and no userinfo: `https://api.example.com@evil.com/` goes to evil.com. */
export function assertFetchable(url: URL): void {
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new OutboundBlockedError(`only http and https URLs may be fetched, not ${url.protocol}`);
  }
  if (url.username || url.password) {
    throw new OutboundBlockedError("URLs with a user name or password (userinfo) are refused; send credentials as headers", {
      host: url.host,
    });
  }
}

/** `https://api.example.com/v1/orders` — origin and path, never the query or fragment. */
export function describeTarget(url: URL): string {
  return `${url.origin}${url.pathname}`;
}
