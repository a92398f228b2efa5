import { z } from "zod";
import { ValidationError, fromZodError } from "@/lib/api/errors";
import type { AuthSpec, AuthType, ConnectorDefinition, CredentialField, Credentials } from "./types";

// The connection form, the API and the engine all check credentials with the same strict
// schema built here from the connector's field list.

/** Filled by the OAuth flow, never typed by a person. expires_at is ISO 8601. */
export const oauthTokenFields: readonly CredentialField[] = [
  { key: "access_token", label: "Access token", kind: "secret", required: true },
  { key: "refresh_token", label: "Refresh token", kind: "secret", required: false },
  { key: "expires_at", label: "Expires at", kind: "text", required: false },
  { key: "scope", label: "Granted scopes", kind: "text", required: false },
  { key: "token_type", label: "Token type", kind: "text", required: false },
];

export function authFields(spec: AuthSpec): readonly CredentialField[] {
  return spec.type === "oauth2" ? [...spec.fields, ...oauthTokenFields] : spec.fields;
}

export function findAuth(def: ConnectorDefinition, authType: AuthType): AuthSpec {
  const spec = def.auth.find((a) => a.type === authType);
  if (!spec) {
    const supported = def.auth.map((a) => a.type).join(", ");
    throw new ValidationError(`${def.name} does not support ${authType} auth; it supports ${supported}.`, "auth_type");
  }
  return spec;
}

function fieldSchema(field: CredentialField) {
  const label = field.label;
  let schema = z
    .string({ error: (issue) => (issue.input === undefined ? `${label} is required` : `${label} must be text`) })
    .min(field.required ? 1 : 0, `${label} is required`)
    .regex(/^[^\r\n\0]*$/, `${label} must be a single line`);
  if (field.kind === "url") {
    schema = schema.refine((v) => v === "" || isHttpUrl(v), `${label} must be an http(s) URL`);
  }
  if (field.pattern) {
    const pattern = new RegExp(field.pattern);
    schema = schema.refine((v) => v === "" || pattern.test(v), field.patternHint ?? `${label} is not in the expected format`);
  }
  if (field.default !== undefined) return schema.default(field.default);
  return field.required ? schema : schema.optional();
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && url.username === "" && url.password === "";
  } catch {
    return false;
  }
}

/** A strict schema: a missing, malformed or unknown field is an error that names it. */
export function credentialSchema(def: ConnectorDefinition, authType: AuthType) {
  return fieldsSchema(authFields(findAuth(def, authType)));
}

/** A strict schema of just these fields (e.g. what an OAuth connection asks before the redirect). */
export function fieldsSchema(fields: readonly CredentialField[]) {
  const shape: Record<string, z.ZodType> = {};
  for (const field of fields) shape[field.key] = fieldSchema(field);
  return z.strictObject(shape);
}

/** Validated credentials, or a ValidationError naming the field (`credentials.shop: …`). */
export function parseCredentials(def: ConnectorDefinition, authType: AuthType, input: unknown): Credentials {
  const result = credentialSchema(def, authType).safeParse(input ?? {});
  if (!result.success) throw fromZodError(result.error, "credentials");
  const credentials: Credentials = {};
  for (const [key, value] of Object.entries(result.data)) if (typeof value === "string") credentials[key] = value;
  return credentials;
}

/**
 * The deployment-wide connection configured by environment variables (e.g. STRIPE_SECRET_KEY),
 * or undefined when any of them is unset. Set but invalid values throw, naming the variable.
 */
export function credentialsFromEnv(
  def: ConnectorDefinition,
  env: Record<string, string | undefined> = process.env,
): { authType: AuthType; credentials: Credentials } | undefined {
  const spec = def.envCredentials;
  if (!spec) return undefined;
  const values: Record<string, string> = {};
  for (const [field, variable] of Object.entries(spec.variables)) {
    const value = env[variable]?.trim();
    if (!value) return undefined;
    values[field] = value;
  }
  try {
    return { authType: spec.authType, credentials: parseCredentials(def, spec.authType, values) };
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const field = String(error.extra.field ?? "").replace(/^credentials\./, "");
    const variable = spec.variables[field];
    throw new ValidationError(variable ? `${variable}: ${error.message.replace(/^[^:]*: /, "")}` : error.message, variable);
  }
}
