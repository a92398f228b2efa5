import { Agent, request as undiciRequest } from "undici";
import { loadEnv } from "../env";
import { parseAllowList, type AllowEntry } from "./allow-list";
import { matchesCredentialHost } from "./credential-hosts";
import { pooledAgent, POOL_CONNECT_TIMEOUT_MS } from "./agent-pool";
import { toOutboundError } from "./error-mapping";
import { InvalidOutboundRequestError, TooManyRedirectsError } from "./errors";
import { guardedConnector } from "./guarded-connect";
import { discardBody, readCappedBody } from "./read-body";
import { isRedirect, nextHop, type Hop } from "./redirects";
import { redact } from "./redact";
import { describeTarget, parseTarget, type QueryParams } from "./request-target";

// outboundFetch(): the only way Junction talks to the outside world. Every call gets the
// connect-time SSRF guard (on kept-alive connections shared per allow-list, agent-pool.ts), credentials only for declared hosts, manual redirects re-checked
// per hop, one deadline for the whole call, a streamed size cap, and typed, redacted errors.

export type OutboundRequest = {
  /** GET by default. CONNECT, TRACE and TRACK are refused. */
  method?: string;
  url: string | URL;
  headers?: Record<string, string>;
  query?: QueryParams;
  /** Sent as given (set Content-Type yourself); ignored for GET and HEAD. */
  body?: string | Uint8Array;
};

export type OutboundCredentials = {
  headers?: Record<string, string>;
  query?: Record<string, string>;
  /** Where they may go: exact host names or `*.example.com` wildcards (see credential-hosts.ts). */
  hosts: readonly string[];
};

export type BeforeRequestHook = (hop: { method: string; url: string; redirect: number; signal: AbortSignal }) => void | Promise<void>;

export type OutboundOptions = {
  credentials?: OutboundCredentials;
  /** `host:port` pairs let past the address policy; defaults to JUNCTION_OUTBOUND_ALLOW. */
  allow?: readonly string[];
  /** Whole call, redirects and body included. Default 30 s. */
  timeoutMs?: number;
  /** TCP (+TLS) connect of each hop, DNS included. Default: timeoutMs. */
  connectTimeoutMs?: number;
  /** Default 10 MiB. */
  maxResponseBytes?: number;
  /** Default 5. */
  maxRedirects?: number;
  /** Extra values to scrub from error messages (credential values are always scrubbed). */
  secrets?: readonly string[];
  signal?: AbortSignal;
  /** Runs before every hop, inside the deadline (e.g. the caller's shared rate limiter). Its errors pass through unchanged. */
  beforeRequest?: BeforeRequestHook;
};

export type OutboundResponse = {
  status: number;
  statusText: string;
  headers: Headers;
  body: Uint8Array;
  /** The final URL, without credential query parameters. */
  url: string;
  redirected: boolean;
  text(): string;
  json(): unknown;
};

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_RESPONSE_BYTES = 10 * 1024 * 1024;
export const DEFAULT_MAX_REDIRECTS = 5;

const REFUSED_METHODS = new Set(["CONNECT", "TRACE", "TRACK"]);
// Hop-by-hop or computed headers: the client owns them.
const OWNED_HEADERS = new Set(["host", "connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade", "te", "trailer", "expect", "content-length"]);

class HookFailure {
  constructor(readonly error: unknown) {}
}

export async function outboundFetch(request: OutboundRequest, options: OutboundOptions = {}): Promise<OutboundResponse> {
  const secrets = [...(options.secrets ?? []), ...Object.values(options.credentials?.headers ?? {}), ...Object.values(options.credentials?.query ?? {})];
  const timeoutMs = positive(options.timeoutMs, DEFAULT_TIMEOUT_MS, "timeoutMs");
  const connectTimeoutMs = Math.min(positive(options.connectTimeoutMs, timeoutMs, "connectTimeoutMs"), timeoutMs);
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), timeoutMs);
  const signal = options.signal ? AbortSignal.any([deadline.signal, options.signal]) : deadline.signal;
  // A call of its own connect timeout, or a deadline past the pool's connect timeout, gets an Agent of its own.
  let ownAgent: Agent | undefined;
  let target = typeof request.url === "string" ? "the target" : describeTarget(request.url);

  try {
    const settings = {
      maxResponseBytes: positive(options.maxResponseBytes, DEFAULT_MAX_RESPONSE_BYTES, "maxResponseBytes"),
      maxRedirects: nonNegative(options.maxRedirects, DEFAULT_MAX_REDIRECTS, "maxRedirects"),
    };
    const allow = allowList(options.allow);
    let hop: Hop = {
      url: parseTarget(request.url, request.query),
      method: method(request.method),
      headers: ownHeaders(request.headers, { "user-agent": "Junction" }),
      body: request.body,
    };
    target = describeTarget(hop.url);
    if (options.signal?.aborted) throw new Error("aborted before start");
    // undici's own timers are a backstop; the deadline above is what normally fires.
    const backstop = timeoutMs + 1_000;
    const pooled = options.connectTimeoutMs === undefined && timeoutMs <= POOL_CONNECT_TIMEOUT_MS;
    if (!pooled) ownAgent = new Agent({ connect: guardedConnector({ allow, connectTimeoutMs }), headersTimeout: backstop, bodyTimeout: backstop });
    const agent = ownAgent ?? pooledAgent(allow);

    let credentialsUsable = true;
    for (let redirect = 0; ; redirect++) {
      target = describeTarget(hop.url);
      const { url, headers } = withCredentials(hop, credentialsUsable ? options.credentials : undefined);
      if (options.beforeRequest) await runHook(options.beforeRequest, { method: hop.method, url: hop.url.href, redirect, signal });
      const response = await undiciRequest(url, {
        dispatcher: agent,
        headersTimeout: backstop,
        bodyTimeout: backstop,
        method: hop.method,
        headers,
        body: hop.method === "GET" || hop.method === "HEAD" ? undefined : hop.body,
        signal,
      });

      const location = response.headers.location;
      if (isRedirect(response.statusCode) && typeof location === "string") {
        discardBody(response.body);
        if (redirect >= settings.maxRedirects) throw new TooManyRedirectsError(settings.maxRedirects, target);
        const next = nextHop(hop, response.statusCode, location);
        // Once a redirect has gone from https to http, credentials stay home for the rest of the call.
        if (hop.url.protocol === "https:" && next.url.protocol === "http:") credentialsUsable = false;
        hop = next;
        continue;
      }

      const body = hop.method === "HEAD"
        ? new Uint8Array(0)
        : await readCappedBody(response.body, response.headers["content-length"], settings.maxResponseBytes, target);
      return makeResponse(response.statusCode, response.statusText, response.headers, body, hop.url.href, redirect > 0, secrets);
    }
  } catch (error) {
    if (error instanceof HookFailure) throw error.error;
    throw toOutboundError(error, {
      target,
      timedOut: deadline.signal.aborted,
      aborted: Boolean(options.signal?.aborted),
      timeoutMs,
      connectTimeoutMs,
      secrets,
    });
  } finally {
    clearTimeout(timer);
    await ownAgent?.destroy().catch(() => undefined);
  }
}

async function runHook(hook: BeforeRequestHook, hop: Parameters<BeforeRequestHook>[0]): Promise<void> {
  try {
    await hook(hop);
  } catch (error) {
    throw new HookFailure(error);
  }
}

function withCredentials(hop: Hop, credentials: OutboundCredentials | undefined): { url: URL; headers: Record<string, string> } {
  if (!credentials || !matchesCredentialHost(hop.url.hostname, credentials.hosts)) return { url: hop.url, headers: hop.headers };
  const url = new URL(hop.url);
  for (const [key, value] of Object.entries(credentials.query ?? {})) url.searchParams.set(key, value);
  return { url, headers: { ...hop.headers, ...ownHeaders(credentials.headers) } };
}

function makeResponse(
  status: number,
  statusText: string,
  raw: Record<string, string | string[] | undefined>,
  body: Uint8Array,
  url: string,
  redirected: boolean,
  secrets: readonly string[],
): OutboundResponse {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, item);
  }
  const text = () => new TextDecoder().decode(body);
  return {
    status,
    statusText,
    headers,
    body,
    url,
    redirected,
    text,
    json: () => {
      try {
        return JSON.parse(text());
      } catch (error) {
        throw new SyntaxError(redact(`Response from ${url} is not valid JSON: ${(error as Error).message}`, secrets));
      }
    },
  };
}

function allowList(option: readonly string[] | undefined): AllowEntry[] {
  try {
    return parseAllowList(option ?? loadEnv().JUNCTION_OUTBOUND_ALLOW);
  } catch (error) {
    throw new InvalidOutboundRequestError((error as Error).message);
  }
}

function method(value: string | undefined): string {
  const upper = (value ?? "GET").toUpperCase();
  if (!/^[A-Z]+$/.test(upper) || REFUSED_METHODS.has(upper)) throw new InvalidOutboundRequestError(`method ${upper} is not allowed`);
  return upper;
}

function ownHeaders(headers: Record<string, string> | undefined, defaults: Record<string, string> = {}): Record<string, string> {
  const out: Record<string, string> = { ...defaults };
  for (const [name, value] of Object.entries(headers ?? {})) {
    const key = name.toLowerCase();
    if (!OWNED_HEADERS.has(key)) out[key] = String(value);
  }
  return out;
}

function positive(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0) throw new InvalidOutboundRequestError(`${name} must be a positive number`);
  return value;
}

function nonNegative(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 0) throw new InvalidOutboundRequestError(`${name} must be a whole number`);
  return value;
}
