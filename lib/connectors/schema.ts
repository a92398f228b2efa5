import { z } from "zod";
import { hostMatches } from "./auth";
import { oauthTokenFields } from "./credentials";
import { templateKeys } from "./paths";
import { authTypes, connectorCategories, signatureSchemes, type AuthSpec } from "./types";

// The data parts of a ConnectorDefinition, checked: the registry test runs every built-in
// connector through it, and custom (workspace) connectors can be held to the same rules.

const slugSchema = z.string().regex(/^[a-z][a-z0-9-]*$/, "slugs are lower-case words joined by dashes");
const keySchema = z.string().regex(/^[a-z][a-z0-9_]*$/, "keys are snake_case");
const httpsUrl = z.url({ protocol: /^https$/, error: "must be an https URL" });
const hostPattern = z
  .string()
  .regex(/^(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/, "hosts are lower-case names or *.suffix");
const headerName = z.string().regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/, "not a valid header name");
const envName = z.string().regex(/^[A-Z][A-Z0-9_]*$/, "environment variable names are UPPER_SNAKE_CASE");
const fn = z.custom<(...args: never[]) => unknown>((v) => typeof v === "function", "must be a function");
const regexSource = z.string().refine((source) => {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}, "not a valid regular expression");

const credentialField = z.strictObject({
  key: keySchema,
  label: z.string().min(1),
  kind: z.enum(["text", "secret", "url"]),
  required: z.boolean(),
  placeholder: z.string().optional(),
  help: z.string().optional(),
  pattern: regexSource.optional(),
  patternHint: z.string().optional(),
  default: z.string().optional(),
});

const injection = z.discriminatedUnion("in", [
  z.strictObject({ in: z.literal("header"), name: z.string().min(1), value: z.string() }),
  z.strictObject({ in: z.literal("query"), name: z.string().min(1), value: z.string() }),
  z.strictObject({ in: z.literal("basic"), username: z.string(), password: z.string() }),
  z.strictObject({ in: z.literal("none") }),
]);

function injectionTemplates(spec: AuthSpec): string[] {
  const inject = spec.inject;
  if (inject.in === "header" || inject.in === "query") return [inject.name, inject.value];
  if (inject.in === "basic") return [inject.username, inject.password];
  return [];
}

const authSpec = z
  .strictObject({ type: z.enum(authTypes), label: z.string().optional(), fields: z.array(credentialField), inject: injection })
  .superRefine((spec, ctx) => {
    const keys = [...spec.fields, ...(spec.type === "oauth2" ? oauthTokenFields : [])].map((f) => f.key);
    const duplicate = keys.find((k, i) => keys.indexOf(k) !== i);
    if (duplicate) ctx.addIssue({ code: "custom", message: `field "${duplicate}" is declared twice`, path: ["fields"] });
    for (const key of injectionTemplates(spec).flatMap(templateKeys)) {
      if (!keys.includes(key)) ctx.addIssue({ code: "custom", message: `inject uses {${key}}, which is not a field`, path: ["inject"] });
    }
    if ((spec.type === "none") !== (spec.inject.in === "none")) {
      ctx.addIssue({ code: "custom", message: "only the none auth type injects nothing", path: ["inject"] });
    }
  });

const pagination = z.discriminatedUnion("style", [
  z.strictObject({
    style: z.literal("cursor"),
    in: z.enum(["query", "body"]).optional(),
    cursorParam: z.string().min(1),
    nextCursorPath: z.string().min(1),
    hasMorePath: z.string().optional(),
    limitParam: z.string().optional(),
    itemsPath: z.string(),
  }),
  z.strictObject({ style: z.literal("page"), pageParam: z.string(), firstPage: z.number().int(), limitParam: z.string(), itemsPath: z.string() }),
  z.strictObject({ style: z.literal("offset"), offsetParam: z.string(), limitParam: z.string(), itemsPath: z.string() }),
  z.strictObject({ style: z.literal("link-header"), limitParam: z.string().optional(), itemsPath: z.string() }),
  z.strictObject({ style: z.literal("none") }),
]);

const action = z
  .strictObject({
    key: keySchema,
    name: z.string().min(1),
    description: z.string().min(1),
    kind: z.enum(["read", "write"]),
    docsUrl: httpsUrl,
    input: z.custom<z.ZodType>((v) => typeof (v as z.ZodType | undefined)?.safeParse === "function", "input must be a zod schema"),
    request: fn,
    output: fn.optional(),
    pagination: pagination.optional(),
    idempotencyHeader: headerName.optional(),
    connection: z.enum(["required", "optional", "none"]).optional(),
  })
  .superRefine((a, ctx) => {
    if (a.kind === "read" && !a.pagination) ctx.addIssue({ code: "custom", message: "read actions declare their pagination (or none)", path: ["pagination"] });
    if (a.kind === "write" && a.pagination) ctx.addIssue({ code: "custom", message: "write actions do not page", path: ["pagination"] });
  });

const locator = z.union([z.strictObject({ header: headerName }), z.strictObject({ path: z.string().min(1) })]);

const trigger = z.strictObject({
  key: keySchema,
  name: z.string().min(1),
  description: z.string().min(1),
  docsUrl: httpsUrl,
  signature: z
    .strictObject({
      scheme: z.enum(signatureSchemes),
      header: headerName.optional(),
      timestampHeader: headerName.optional(),
      idHeader: headerName.optional(),
      algorithm: z.enum(["sha1", "sha256", "sha512"]).optional(),
      encoding: z.enum(["hex", "base64"]).optional(),
      prefix: z.string().optional(),
      secretEncoding: z.enum(["utf8", "base64"]).optional(),
      toleranceSeconds: z.number().int().positive().optional(),
    })
    .refine((s) => s.scheme === "none" || Boolean(s.header), { message: "a signed scheme names its signature header", path: ["header"] }),
  eventId: locator.optional(),
  eventType: locator.optional(),
  handshake: z
    .strictObject({ when: z.strictObject({ path: z.string(), equals: z.string() }), respondWith: z.strictObject({ path: z.string() }) })
    .optional(),
  sample: z.unknown().refine((v) => v !== undefined, "a sample payload is required"),
});

const oauth2 = z.strictObject({
  authorizeUrl: z.string().regex(/^https:\/\//, "must be an https URL"),
  tokenUrl: z.string().regex(/^https:\/\//, "must be an https URL"),
  scopes: z.array(z.string().min(1)),
  scopeSeparator: z.enum([" ", ","]),
  pkce: z.boolean(),
  clientIdEnv: envName,
  clientSecretEnv: envName,
  tokenAuthMethod: z.enum(["body", "basic"]),
  refresh: z.boolean(),
  authorizeParams: z.record(z.string(), z.string()).optional(),
  tokenRequestHeaders: z.record(headerName, z.string()).optional(),
});

function uniqueBy<T>(items: T[], key: (item: T) => string): string | undefined {
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(key(item))) return key(item);
    seen.add(key(item));
  }
  return undefined;
}

export const connectorDefinitionSchema = z
  .strictObject({
    slug: slugSchema,
    name: z.string().min(1),
    category: z.enum(connectorCategories),
    description: z.string().min(1).max(200),
    icon: z.string(),
    docsUrl: httpsUrl,
    auth: z.array(authSpec).min(1, "a connector declares at least one auth type"),
    hosts: z.union([z.array(hostPattern), fn]),
    baseUrl: z.union([httpsUrl, fn]).optional(),
    defaultHeaders: z.record(headerName, z.string()).optional(),
    validate: z
      .strictObject({
        method: z.enum(["GET", "POST"]).optional(),
        path: z.string().regex(/^(\/|https:\/\/)/, "a path starting with / or an https URL"),
        query: z.record(z.string(), z.string()).optional(),
        okStatuses: z.array(z.number().int().min(200).max(299)).optional(),
        accountLabel: z.array(z.string().min(1)).optional(),
      })
      .optional(),
    rateLimit: z.strictObject({
      requests: z.number().int().positive(),
      perSeconds: z.number().positive(),
      cooldownSeconds: z.number().positive().optional(),
    }),
    retryHeaders: z.array(
      z.strictObject({
        name: headerName,
        format: z.enum(["seconds", "date-or-seconds", "epoch-seconds"]),
        onlyWhen: z.strictObject({ header: headerName, equals: z.string() }).optional(),
      }),
    ),
    errors: z.strictObject({ messagePaths: z.array(z.string().min(1)), okPath: z.string().optional() }).optional(),
    envCredentials: z.strictObject({ authType: z.enum(authTypes), variables: z.record(keySchema, envName) }).optional(),
    oauth2: oauth2.optional(),
    actions: z.array(action),
    triggers: z.array(trigger),
  })
  .superRefine((def, ctx) => {
    const issue = (message: string, path: PropertyKey[]) => ctx.addIssue({ code: "custom", message, path });
    if (def.icon !== `/connectors/${def.slug}.svg`) issue(`icon must be /connectors/${def.slug}.svg`, ["icon"]);
    const types = def.auth.map((a) => a.type);
    if (uniqueBy(types, (t) => t)) issue("each auth type is declared once", ["auth"]);
    if (types.includes("oauth2") !== Boolean(def.oauth2)) issue("oauth2 settings go with an oauth2 auth type, and only then", ["oauth2"]);
    if (def.oauth2) {
      const fields = def.auth.find((a) => a.type === "oauth2")?.fields.map((f) => f.key) ?? [];
      for (const key of [def.oauth2.authorizeUrl, def.oauth2.tokenUrl].flatMap(templateKeys)) {
        if (!fields.includes(key)) issue(`oauth2 URL uses {${key}}, which the oauth2 auth does not ask for`, ["oauth2"]);
      }
    }
    if (typeof def.baseUrl === "string" && Array.isArray(def.hosts)) {
      const host = new URL(def.baseUrl).hostname;
      if (!def.hosts.some((p) => hostMatches(p, host))) issue(`baseUrl host ${host} is not among hosts`, ["baseUrl"]);
    }
    if (def.validate?.path.startsWith("https://") && Array.isArray(def.hosts)) {
      const host = new URL(def.validate.path).hostname;
      if (!def.hosts.some((p) => hostMatches(p, host))) issue(`validate host ${host} is not among hosts`, ["validate", "path"]);
    }
    if (def.envCredentials) {
      const spec = def.auth.find((a) => a.type === def.envCredentials!.authType);
      if (!spec) issue("envCredentials names an auth type the connector lacks", ["envCredentials", "authType"]);
      else {
        const keys = Object.keys(def.envCredentials.variables);
        for (const key of keys) if (!spec.fields.some((f) => f.key === key)) issue(`"${key}" is not a field of that auth`, ["envCredentials", "variables"]);
        for (const f of spec.fields) {
          if (f.required && f.default === undefined && !keys.includes(f.key)) issue(`required field "${f.key}" has no variable`, ["envCredentials"]);
        }
      }
    }
    const dupAction = uniqueBy(def.actions, (a) => a.key);
    if (dupAction) issue(`action "${dupAction}" is declared twice`, ["actions"]);
    const dupTrigger = uniqueBy(def.triggers, (t) => t.key);
    if (dupTrigger) issue(`trigger "${dupTrigger}" is declared twice`, ["triggers"]);
    if (def.actions.some((a) => (a.connection ?? "required") === "required") && types.every((t) => t === "none")) {
      issue("actions need a connection but the connector has no credentials", ["actions"]);
    }
  });
