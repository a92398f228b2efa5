import type { AuthInjection, AuthSpec, AuthType, CredentialField } from "./types";

// Builders for the auth shapes most connectors share, so each definition states only what differs.

export function bearerHeader(field: string): AuthInjection {
  return { in: "header", name: "Authorization", value: `Bearer {${field}}` };
}

/** A required secret typed into the connection form. */
export function secretField(
  key: string,
  label: string,
  details: Pick<CredentialField, "placeholder" | "help" | "pattern" | "patternHint"> = {},
): CredentialField {
  return { key, label, kind: "secret", required: true, ...details };
}

/** One pasted token (API key, bot token, personal access token), as a bearer header unless told otherwise. */
export function tokenAuth(type: AuthType, label: string, fields: CredentialField[], inject?: AuthInjection): AuthSpec {
  const token = fields.find((f) => f.kind === "secret") ?? fields[0];
  return { type, label, fields, inject: inject ?? bearerHeader(token.key) };
}

/** OAuth 2.0 whose access token travels as `Authorization: Bearer …`. */
export function oauth2BearerAuth(label: string, fields: CredentialField[] = []): AuthSpec {
  return { type: "oauth2", label, fields, inject: bearerHeader("access_token") };
}
