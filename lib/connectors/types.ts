import type { z } from "zod";

// A connector is data plus a few small hooks. The engine reads these shapes and never names a
// connector; everything a service needs (URLs, auth placement, pagination, signatures) lives
// in that connector's own folder, checked by connectorDefinitionSchema (schema.ts).

export const authTypes = ["api_key", "bearer", "basic", "oauth2", "none"] as const;
export type AuthType = (typeof authTypes)[number];

export const connectorCategories = [
  "Communication",
  "Developer tools",
  "Payments",
  "Email",
  "Productivity",
  "E-commerce",
  "Data",
] as const;
export type ConnectorCategory = (typeof connectorCategories)[number];

/** Decrypted credential values of one connection, keyed by CredentialField.key. */
export type Credentials = Record<string, string>;

/** One input of the connection form; credentialSchema() turns a list of them into zod. */
export interface CredentialField {
  key: string;
  label: string;
  kind: "text" | "secret" | "url";
  required: boolean;
  placeholder?: string;
  help?: string;
  /** Regular expression the whole value must match. */
  pattern?: string;
  /** Shown when `pattern` does not match. */
  patternHint?: string;
  default?: string;
}

/**
 * Where credentials go on a request. Templates name credential fields in braces:
 * `Bearer {token}`, `Bot {bot_token}`; a header name may be a template too (`{header_name}`).
 */
export type AuthInjection =
  | { in: "header"; name: string; value: string }
  | { in: "query"; name: string; value: string }
  | { in: "basic"; username: string; password: string }
  | { in: "none" };

/**
 * One way to authenticate. For oauth2, `fields` are what the user types before the redirect
 * (e.g. a shop name); the token fields (access_token, refresh_token, expires_at, scope,
 * token_type) are added by credentialSchema().
 */
export interface AuthSpec {
  type: AuthType;
  label?: string;
  fields: CredentialField[];
  inject: AuthInjection;
}

export interface OAuth2Spec {
  /** May contain `{field}` placeholders filled from the oauth2 AuthSpec's fields. */
  authorizeUrl: string;
  tokenUrl: string;
  scopes: string[];
  scopeSeparator: " " | ",";
  pkce: boolean;
  clientIdEnv: string;
  clientSecretEnv: string;
  /** How the client id and secret reach the token endpoint. */
  tokenAuthMethod: "body" | "basic";
  /** The service issues refresh tokens. */
  refresh: boolean;
  authorizeParams?: Record<string, string>;
  tokenRequestHeaders?: Record<string, string>;
}

/** Hosts credentials may be sent to: exact names or `*.suffix`; may depend on credentials. */
export type HostsSpec = readonly string[] | ((credentials: Credentials) => readonly string[]);
export type BaseUrlSpec = string | ((credentials: Credentials) => string);

/** A cheap call that proves a credential works, as data. */
export interface ValidationSpec {
  method?: "GET" | "POST";
  /** Relative to the base URL, or an absolute https URL on a declared host. */
  path: string;
  query?: Record<string, string>;
  /** Statuses that mean "valid"; default [200]. */
  okStatuses?: number[];
  /** Response paths tried in order for a human label (workspace, login, email). */
  accountLabel?: string[];
}

export interface RateLimit {
  requests: number;
  perSeconds: number;
  /** Wait after a 429 that carries no retry header. */
  cooldownSeconds?: number;
}

export interface RetryHeader {
  name: string;
  /** seconds: delay; date-or-seconds: Retry-After (delay or HTTP date); epoch-seconds: reset time. */
  format: "seconds" | "date-or-seconds" | "epoch-seconds";
  /** Only honoured when another header has this value (e.g. x-ratelimit-remaining = 0). */
  onlyWhen?: { header: string; equals: string };
}

/** How the service reports errors in a response body. */
export interface ErrorShape {
  /** Paths tried in order for a message. */
  messagePaths: string[];
  /** A boolean that is false on failure even with a 2xx status (Slack's `ok`). */
  okPath?: string;
}

/** Environment variables that configure a deployment-wide connection. */
export interface EnvCredentials {
  authType: AuthType;
  /** credential field key → environment variable name */
  variables: Record<string, string>;
}

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE" | "HEAD";
export type QueryValue = string | number | boolean | readonly (string | number)[] | null | undefined;

export type RequestBody =
  | { json: unknown }
  | { form: Record<string, unknown> }
  | { raw: string; contentType: string };

/** What an action's request hook returns; buildRequest() turns it into a full request. */
export interface RequestSpec {
  method: HttpMethod;
  /** Relative to the connector's base URL; build it with the `path` tag (request.ts). */
  path?: string;
  /** Absolute URL, when the action does not use the base URL. */
  url?: string;
  headers?: Record<string, string>;
  query?: Record<string, QueryValue>;
  body?: RequestBody;
}

export interface RequestContext {
  /** The connection's base URL, when there is one. */
  baseUrl: string | undefined;
}

/** How a read action pages. Paths read the JSON response ("" is the response itself). */
export type PaginationSpec =
  | {
      style: "cursor";
      /** Where the cursor goes on the next request; default query. */
      in?: "query" | "body";
      cursorParam: string;
      nextCursorPath: string;
      /** When present, paging stops as soon as this is false. */
      hasMorePath?: string;
      limitParam?: string;
      itemsPath: string;
    }
  | { style: "page"; pageParam: string; firstPage: number; limitParam: string; itemsPath: string }
  | { style: "offset"; offsetParam: string; limitParam: string; itemsPath: string }
  | { style: "link-header"; limitParam?: string; itemsPath: string }
  | { style: "none" };

export interface ActionDefinition<S extends z.ZodType = z.ZodType> {
  key: string;
  name: string;
  description: string;
  kind: "read" | "write";
  /** The API reference page this action follows. */
  docsUrl: string;
  /** Strict schema of the step input; it drives the form and validates flows. */
  input: S;
  request(input: z.output<S>, ctx: RequestContext): RequestSpec;
  output?(json: unknown): unknown;
  pagination?: PaginationSpec;
  /** Header that carries the engine's idempotency key, when the API honours one. */
  idempotencyHeader?: string;
  /** required (default): needs a connection; optional: uses one if given; none: never sends credentials. */
  connection?: "required" | "optional" | "none";
}

export const signatureSchemes = [
  "none",
  "stripe",
  "github",
  "slack",
  "shopify",
  "standard-webhooks",
  "generic-hmac",
] as const;
export type SignatureScheme = (typeof signatureSchemes)[number];

/** How an incoming webhook is signed; lib/webhooks verifies it. */
export interface SignatureSpec {
  scheme: SignatureScheme;
  /** Header holding the signature. */
  header?: string;
  timestampHeader?: string;
  /** Header holding the message id when it is part of the signed content (standard-webhooks). */
  idHeader?: string;
  algorithm?: "sha1" | "sha256" | "sha512";
  encoding?: "hex" | "base64";
  /** Text before the digest in the header, e.g. `sha256=` or `v0=`. */
  prefix?: string;
  /** How the stored signing secret turns into key bytes. */
  secretEncoding?: "utf8" | "base64";
  toleranceSeconds?: number;
}

/** Where to read a value in an incoming event: a header, or a path in the JSON body. */
export type EventLocator = { header: string } | { path: string };

export interface TriggerDefinition {
  key: string;
  name: string;
  description: string;
  docsUrl: string;
  signature: SignatureSpec;
  /** The provider's event id, used to drop duplicate deliveries. */
  eventId?: EventLocator;
  eventType?: EventLocator;
  /** A URL-verification request to answer by echoing a body value (Slack's challenge). */
  handshake?: { when: { path: string; equals: string }; respondWith: { path: string } };
  /** A representative payload for the flow builder. */
  sample: unknown;
}

export interface ConnectorDefinition {
  slug: string;
  name: string;
  category: ConnectorCategory;
  description: string;
  /** `/connectors/<slug>.svg`, served from public/. */
  icon: string;
  docsUrl: string;
  auth: AuthSpec[];
  hosts: HostsSpec;
  baseUrl?: BaseUrlSpec;
  /** Sent on every request (API version, Accept, User-Agent). */
  defaultHeaders?: Record<string, string>;
  validate?: ValidationSpec;
  rateLimit: RateLimit;
  retryHeaders: RetryHeader[];
  errors?: ErrorShape;
  envCredentials?: EnvCredentials;
  oauth2?: OAuth2Spec;
  actions: ActionDefinition[];
  triggers: TriggerDefinition[];
}
