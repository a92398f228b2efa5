import { ValidationError, fromZodError } from "@/lib/api/errors";
import { applyAuth, credentialHosts, isCredentialHost } from "./auth";
import { findAuth, parseCredentials } from "./credentials";
import type {
  ActionDefinition,
  AuthType,
  ConnectorDefinition,
  Credentials,
  HttpMethod,
  QueryValue,
  RequestBody,
  RequestSpec,
} from "./types";

// The one place that turns an action's request spec into a full request: base URL, path and
// query encoding, body encoding, default headers, auth on declared hosts only, idempotency.
// It never sends anything; lib/http does.

/** Credentials applied to a request, and the hosts they may be sent to. */
export interface AppliedCredentials {
  headers: Record<string, string>;
  query: Record<string, string>;
  hosts: string[];
}

/** A complete request. `auth` repeats the credential part of `headers`/`url` (see splitAuth). */
export interface HttpRequest {
  method: HttpMethod;
  url: string;
  headers: Record<string, string>;
  body?: string;
  auth?: AppliedCredentials;
}

export interface Connection {
  authType: AuthType;
  credentials: unknown;
}

/**
 * Tag for request paths: each interpolated value becomes one encoded segment, so input can
 * never add a segment, a query string, or walk up with `..`.
 */
export function path(strings: TemplateStringsArray, ...values: (string | number)[]): string {
  let out = strings[0];
  values.forEach((value, i) => {
    const text = String(value);
    if (text === "" || text === "." || text === "..") throw new ValidationError(`"${text}" is not a valid path segment`);
    out += encodeURIComponent(text) + strings[i + 1];
  });
  return out;
}

/** Stripe-style form encoding: nested objects as a[b]=c, arrays as a[0]=x; undefined is left out. */
export function encodeForm(data: Record<string, unknown>): string {
  const params = new URLSearchParams();
  const add = (key: string, value: unknown) => {
    if (value === undefined) return;
    if (value === null) params.append(key, "");
    else if (Array.isArray(value)) value.forEach((v, i) => add(`${key}[${i}]`, v));
    else if (typeof value === "object") for (const [k, v] of Object.entries(value)) add(`${key}[${k}]`, v);
    else params.append(key, String(value));
  };
  for (const [key, value] of Object.entries(data)) add(key, value);
  return params.toString();
}

export function resolveBaseUrl(def: ConnectorDefinition, credentials?: Credentials): string | undefined {
  if (typeof def.baseUrl === "string") return def.baseUrl;
  if (def.baseUrl && credentials) return def.baseUrl(credentials);
  return undefined;
}

function joinUrl(base: string, relative: string): string {
  return `${base.replace(/\/+$/, "")}/${relative.replace(/^\/+/, "")}`;
}

function appendQuery(url: URL, query: Record<string, QueryValue>) {
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) for (const v of value) url.searchParams.append(key, String(v));
    else url.searchParams.set(key, String(value));
  }
}

/** Sets a header, replacing any other spelling of the same name. */
function setHeader(headers: Record<string, string>, name: string, value: string) {
  for (const existing of Object.keys(headers)) if (existing.toLowerCase() === name.toLowerCase()) delete headers[existing];
  headers[name] = value;
}

function encodeBody(body: RequestBody): { contentType: string; text: string } {
  if ("json" in body) return { contentType: "application/json; charset=utf-8", text: JSON.stringify(body.json) };
  if ("form" in body) return { contentType: "application/x-www-form-urlencoded", text: encodeForm(body.form) };
  return { contentType: body.contentType, text: body.raw };
}

export interface BuildOptions {
  connection?: Connection | null;
  idempotency?: { header: string; key: string };
}

export function buildRequest(def: ConnectorDefinition, spec: RequestSpec, options: BuildOptions = {}): HttpRequest {
  const connection = options.connection ?? undefined;
  const credentials = connection ? parseCredentials(def, connection.authType, connection.credentials) : undefined;

  let target: string;
  if (spec.url !== undefined) target = spec.url;
  else if (spec.path !== undefined) {
    const base = resolveBaseUrl(def, credentials);
    if (!base) throw new ValidationError("url: a relative path needs a connection with a base URL", "url");
    target = joinUrl(base, spec.path);
  } else throw new Error(`${def.slug}: request spec has neither path nor url`);

  let url: URL;
  try {
    url = new URL(target);
  } catch {
    throw new ValidationError(`url: "${target}" is not a valid URL`, "url");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new ValidationError("url: only http and https URLs are allowed", "url");
  appendQuery(url, spec.query ?? {});

  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries({ ...def.defaultHeaders, ...spec.headers })) setHeader(headers, name, value);

  let body: string | undefined;
  if (spec.body) {
    if (spec.method === "GET" || spec.method === "HEAD") throw new ValidationError(`body: a ${spec.method} request cannot have a body`, "body");
    const encoded = encodeBody(spec.body);
    body = encoded.text;
    if (!Object.keys(headers).some((h) => h.toLowerCase() === "content-type")) headers["Content-Type"] = encoded.contentType;
  }

  if (options.idempotency && !Object.keys(headers).some((h) => h.toLowerCase() === options.idempotency!.header.toLowerCase())) {
    headers[options.idempotency.header] = options.idempotency.key;
  }

  // A connection without secrets (auth "none") only lends its base URL; nothing to guard.
  let auth: AppliedCredentials | undefined;
  if (connection && credentials && findAuth(def, connection.authType).inject.in !== "none") {
    const hosts = credentialHosts(def, credentials);
    if (!isCredentialHost(def, credentials, url.toString())) {
      throw new ValidationError(`url: this connection's credentials may only be sent to ${hosts.join(", ") || "no host"}, not ${url.hostname}`, "url");
    }
    auth = { ...applyAuth(def, connection.authType, credentials), hosts };
    for (const [name, value] of Object.entries(auth.query)) url.searchParams.set(name, value);
    for (const [name, value] of Object.entries(auth.headers)) setHeader(headers, name, value);
  }

  return { method: spec.method, url: url.toString(), headers, ...(body !== undefined ? { body } : {}), ...(auth ? { auth } : {}) };
}

/**
 * The request without its credentials, and the credentials on their own, for a client that
 * attaches them per hop and only to their hosts (lib/http's outboundFetch does).
 */
export function splitAuth(request: HttpRequest): { request: HttpRequest; credentials?: AppliedCredentials } {
  const { auth, ...rest } = request;
  if (!auth) return { request: rest };
  const url = new URL(rest.url);
  for (const name of Object.keys(auth.query)) url.searchParams.delete(name);
  const secretHeaders = new Set(Object.keys(auth.headers).map((h) => h.toLowerCase()));
  const headers = Object.fromEntries(Object.entries(rest.headers).filter(([name]) => !secretHeaders.has(name.toLowerCase())));
  return { request: { ...rest, url: url.toString(), headers }, credentials: auth };
}

export interface PreparedAction {
  action: ActionDefinition;
  input: unknown;
  request: HttpRequest;
}

/**
 * Validates a step's input, runs the action's request hook and builds the full request.
 * `idempotencyKey` is the engine's `<execution id>:<step key>`; it is sent only where the
 * action declares a header the API honours.
 */
export function prepareAction(
  def: ConnectorDefinition,
  action: ActionDefinition,
  rawInput: unknown,
  options: { connection?: Connection | null; idempotencyKey?: string } = {},
): PreparedAction {
  const mode = action.connection ?? "required";
  const connection = mode === "none" ? undefined : (options.connection ?? undefined);
  if (mode === "required" && !connection) {
    throw new ValidationError(`connection: ${def.name} · ${action.name} needs a connection`, "connection");
  }
  const parsed = action.input.safeParse(rawInput ?? {});
  if (!parsed.success) throw fromZodError(parsed.error, "input");

  const credentials = connection ? parseCredentials(def, connection.authType, connection.credentials) : undefined;
  const spec = action.request(parsed.data, { baseUrl: resolveBaseUrl(def, credentials) });
  const idempotency =
    action.idempotencyHeader && options.idempotencyKey ? { header: action.idempotencyHeader, key: options.idempotencyKey } : undefined;
  const request = buildRequest(def, spec, { connection: connection && { authType: connection.authType, credentials }, idempotency });
  return { action, input: parsed.data, request };
}
