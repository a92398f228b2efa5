import { z } from "zod";
import { request } from "@/lib/connectors/http/actions/request";
import type { ActionDefinition, AuthSpec, ConnectorDefinition, PaginationSpec } from "@/lib/connectors/types";

// A connector a workspace defines without code, for an internal or unlisted API: a base URL,
// how to authenticate, and for OAuth2 the app's endpoints and client. It becomes an ordinary
// ConnectorDefinition whose one action is the generic HTTP request under its base URL.

const httpUrl = (what: string) =>
  z
    .string()
    .trim()
    .url(`${what} must be an absolute URL`)
    .refine((u) => /^https?:\/\//i.test(u), `${what} must start with http:// or https://`)
    .refine((u) => {
      const url = new URL(u);
      return url.username === "" && url.password === "";
    }, `${what} must not contain a user name or password`);

const paramName = z.string().regex(/^[A-Za-z0-9_.\[\]-]{1,100}$/, "must be a query parameter name");
const responsePath = z.string().regex(/^[A-Za-z0-9_.\[\]-]{0,200}$/, "must be a dotted path into the response");

/** A list endpoint of the API, read page by page: what a sync uses as its source. */
export const listEndpointSchema = z.strictObject({
  key: z.string().regex(/^[a-z][a-z0-9_]{0,40}$/, "must be lowercase letters, digits and _"),
  name: z.string().trim().min(1).max(100),
  path: z.string().regex(/^\/[^\s?#]*$/, "must be a path starting with /"),
  /** Where the records are in a page ("" when the page is the array itself). */
  items_path: responsePath,
  pagination: z.discriminatedUnion("style", [
    z.strictObject({ style: z.literal("cursor"), cursor_param: paramName, next_cursor_path: responsePath, limit_param: paramName.optional() }),
    z.strictObject({ style: z.literal("page"), page_param: paramName, first_page: z.number().int().min(0).default(1), limit_param: paramName }),
    z.strictObject({ style: z.literal("offset"), offset_param: paramName, limit_param: paramName }),
    z.strictObject({ style: z.literal("link-header"), limit_param: paramName.optional() }),
    z.strictObject({ style: z.literal("none") }),
  ]),
});
export type ListEndpoint = z.infer<typeof listEndpointSchema>;

const headerName = z.string().regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}$/, "must be a valid HTTP header name");

export const customConnectorSchema = z
  .strictObject({
    name: z.string().trim().min(1, "must not be empty").max(100),
    slug: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{1,48}[a-z0-9]$/, "must be 3–50 lowercase letters, digits and dashes")
      .optional(),
    description: z.string().trim().max(500).optional(),
    base_url: httpUrl("base_url"),
    auth_type: z.enum(["api_key", "bearer", "basic", "oauth2", "none"]),
    /** For api_key: the header that carries the key (default X-API-Key). */
    header_name: headerName.optional(),
    /** A cheap GET under the base URL that proves a credential works, e.g. /me. */
    validate_path: z.string().regex(/^\/[^\s]*$/, "must be a path starting with /").optional(),
    list_endpoints: z.array(listEndpointSchema).max(20).optional(),
    /** Requests per connection the API allows (shared by every flow and worker); default 10 a second. */
    rate_limit: z.strictObject({ requests: z.number().int().min(1).max(100_000), per_seconds: z.number().int().min(1).max(86_400) }).optional(),
    oauth2: z
      .strictObject({
        authorize_url: httpUrl("oauth2.authorize_url"),
        token_url: httpUrl("oauth2.token_url"),
        scopes: z.array(z.string().regex(/^[\x21\x23-\x5B\x5D-\x7E]+$/, "scopes are single words")).max(50).default([]),
        client_id: z.string().trim().min(1).max(500),
        client_secret: z.string().min(1).max(2000),
        token_auth_method: z.enum(["body", "basic"]).default("body"),
      })
      .optional(),
  })
  .superRefine((v, ctx) => {
    if (v.auth_type === "oauth2" && !v.oauth2) {
      ctx.addIssue({ code: "custom", path: ["oauth2"], message: "is required when auth_type is oauth2" });
    }
    if (v.auth_type !== "oauth2" && v.oauth2) {
      ctx.addIssue({ code: "custom", path: ["oauth2"], message: "is only for auth_type oauth2" });
    }
    if (v.auth_type !== "api_key" && v.header_name) {
      ctx.addIssue({ code: "custom", path: ["header_name"], message: "is only for auth_type api_key" });
    }
  })
  .meta({ id: "CustomConnectorInput" });

export type CustomConnectorInput = z.infer<typeof customConnectorSchema>;

/** What is stored in connectors.definition: everything but the OAuth client secret (encrypted apart). */
export const storedDefinitionSchema = z.object({
  description: z.string().optional(),
  base_url: z.string(),
  auth_type: z.enum(["api_key", "bearer", "basic", "oauth2", "none"]),
  header_name: z.string().optional(),
  validate_path: z.string().optional(),
  list_endpoints: z.array(listEndpointSchema).optional(),
  rate_limit: z.object({ requests: z.number(), per_seconds: z.number() }).optional(),
  oauth2: z
    .object({
      authorize_url: z.string(),
      token_url: z.string(),
      scopes: z.array(z.string()),
      client_id: z.string(),
      token_auth_method: z.enum(["body", "basic"]),
    })
    .optional(),
});
export type StoredDefinition = z.infer<typeof storedDefinitionSchema>;

export function toStoredDefinition(input: CustomConnectorInput): StoredDefinition {
  const { oauth2, description, base_url, auth_type, header_name, validate_path, list_endpoints, rate_limit } = input;
  return {
    ...(description !== undefined ? { description } : {}),
    base_url,
    auth_type,
    ...(header_name !== undefined ? { header_name } : {}),
    ...(validate_path !== undefined ? { validate_path } : {}),
    ...(list_endpoints?.length ? { list_endpoints } : {}),
    ...(rate_limit ? { rate_limit } : {}),
    ...(oauth2
      ? {
          oauth2: {
            authorize_url: oauth2.authorize_url,
            token_url: oauth2.token_url,
            scopes: oauth2.scopes,
            client_id: oauth2.client_id,
            token_auth_method: oauth2.token_auth_method,
          },
        }
      : {}),
  };
}

export function slugify(name: string): string {
  const base = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
  return `custom-${base || "api"}`;
}

function authSpec(d: StoredDefinition): AuthSpec {
  switch (d.auth_type) {
    case "api_key":
      return {
        type: "api_key",
        label: "API key",
        fields: [{ key: "api_key", label: "API key", kind: "secret", required: true }],
        inject: { in: "header", name: d.header_name ?? "X-API-Key", value: "{api_key}" },
      };
    case "bearer":
      return {
        type: "bearer",
        label: "Bearer token",
        fields: [{ key: "token", label: "Token", kind: "secret", required: true }],
        inject: { in: "header", name: "Authorization", value: "Bearer {token}" },
      };
    case "basic":
      return {
        type: "basic",
        label: "Username and password",
        fields: [
          { key: "username", label: "Username", kind: "text", required: true },
          { key: "password", label: "Password", kind: "secret", required: true },
        ],
        inject: { in: "basic", username: "{username}", password: "{password}" },
      };
    case "oauth2":
      return { type: "oauth2", label: "OAuth 2.0", fields: [], inject: { in: "header", name: "Authorization", value: "Bearer {access_token}" } };
    case "none":
      return { type: "none", label: "No auth", fields: [], inject: { in: "none" } };
  }
}

export function customDefinition(row: { slug: string; name: string; definition: unknown }): ConnectorDefinition {
  const d = storedDefinitionSchema.parse(row.definition);
  const host = new URL(d.base_url).hostname;
  return {
    slug: row.slug,
    name: row.name,
    category: "Developer tools",
    description: d.description || `Custom connector for ${host}.`,
    icon: "/connectors/http.svg",
    docsUrl: d.base_url,
    auth: [authSpec(d)],
    hosts: [host],
    baseUrl: d.base_url,
    ...(d.validate_path ? { validate: { path: d.validate_path } } : {}),
    errors: { messagePaths: ["error.message", "message", "error", "detail"] },
    rateLimit: d.rate_limit ? { requests: d.rate_limit.requests, perSeconds: d.rate_limit.per_seconds } : { requests: 10, perSeconds: 1 },
    retryHeaders: [{ name: "Retry-After", format: "date-or-seconds" }],
    ...(d.oauth2
      ? {
          oauth2: {
            authorizeUrl: d.oauth2.authorize_url,
            tokenUrl: d.oauth2.token_url,
            scopes: d.oauth2.scopes,
            scopeSeparator: " ",
            pkce: true,
            // A custom connector's client comes from its stored app, not the environment.
            clientIdEnv: "",
            clientSecretEnv: "",
            tokenAuthMethod: d.oauth2.token_auth_method,
            refresh: true,
          },
        }
      : {}),
    actions: [request, ...(d.list_endpoints ?? []).map(listAction)],
    triggers: [],
  };
}

function paginationOf(endpoint: ListEndpoint): PaginationSpec {
  const p = endpoint.pagination;
  const itemsPath = endpoint.items_path;
  switch (p.style) {
    case "cursor":
      return { style: "cursor", cursorParam: p.cursor_param, nextCursorPath: p.next_cursor_path, itemsPath, ...(p.limit_param ? { limitParam: p.limit_param } : {}) };
    case "page":
      return { style: "page", pageParam: p.page_param, firstPage: p.first_page, limitParam: p.limit_param, itemsPath };
    case "offset":
      return { style: "offset", offsetParam: p.offset_param, limitParam: p.limit_param, itemsPath };
    case "link-header":
      return { style: "link-header", itemsPath, ...(p.limit_param ? { limitParam: p.limit_param } : {}) };
    case "none":
      return { style: "none" };
  }
}

const listInput = z.strictObject({
  query: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
  limit: z.number().int().min(1).max(1000).optional(),
});

/** A declared list endpoint as a read action that pages the way it says. */
function listAction(endpoint: ListEndpoint): ActionDefinition {
  const pagination = paginationOf(endpoint);
  const limitParam = "limitParam" in pagination ? pagination.limitParam : undefined;
  return {
    key: `list_${endpoint.key}`,
    name: endpoint.name,
    description: `Read ${endpoint.name} page by page (GET ${endpoint.path}).`,
    kind: "read",
    docsUrl: endpoint.path,
    input: listInput,
    pagination,
    request: (input: z.output<typeof listInput>) => ({
      method: "GET",
      path: endpoint.path,
      query: { ...input.query, ...(limitParam && input.limit ? { [limitParam]: input.limit } : {}) },
    }),
  } as ActionDefinition;
}
