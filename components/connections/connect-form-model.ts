import type { ConnectorResponse } from "@/lib/connections/present-connector";

// The connect form is generated from a connector's auth specs (as presentConnector shows
// them). These pure helpers are shared by the form, its server action and the tests.

export type ConnectTarget = Pick<ConnectorResponse, "slug" | "name" | "icon" | "auth" | "oauth">;
export type AuthOption = ConnectTarget["auth"][number];
export type FieldSpec = AuthOption["fields"][number];

/** Credential inputs are named `credentials.<field key>`, the path the service reports errors on. */
export const CREDENTIAL_PREFIX = "credentials.";

export function credentialInputName(key: string): string {
  return `${CREDENTIAL_PREFIX}${key}`;
}

export function inputTypeFor(kind: FieldSpec["kind"]): "password" | "url" | "text" {
  return kind === "secret" ? "password" : kind === "url" ? "url" : "text";
}

/** The auth type the form starts with: the first typed one (as the service picks), else OAuth. */
export function defaultAuthType(auth: readonly { type: string }[]): string | undefined {
  return (auth.find((a) => a.type !== "oauth2") ?? auth[0])?.type;
}

/** Where "Connect with <Name>" goes: the OAuth start route, with the name and any fields typed first. */
export function oauthStartHref(slug: string, name: string, fields: Record<string, string> = {}): string {
  const params = new URLSearchParams({ name: name.trim() });
  for (const [key, value] of Object.entries(fields)) {
    if (key !== "name" && value.trim() !== "") params.set(key, value.trim());
  }
  return `/api/oauth/${encodeURIComponent(slug)}/start?${params.toString()}`;
}

export interface ConnectionFormInput {
  connector: string;
  name: string;
  auth_type?: string;
  credentials: Record<string, string>;
}

/**
 * The connect form's FormData as the input of connectionCreateSchema. Empty credential fields
 * are left out, so a field's default applies and a required one is reported as missing.
 */
export function connectionInputFromForm(formData: FormData): ConnectionFormInput {
  const text = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value : "";
  };
  const credentials: Record<string, string> = {};
  for (const [name, value] of formData.entries()) {
    if (typeof value !== "string" || !name.startsWith(CREDENTIAL_PREFIX) || value === "") continue;
    const key = name.slice(CREDENTIAL_PREFIX.length);
    if (key) credentials[key] = value;
  }
  const authType = text("auth_type");
  return { connector: text("connector"), name: text("name"), ...(authType ? { auth_type: authType } : {}), credentials };
}

/** Whether an input is the one a service error names (`credentials` alone means the secret). */
export function isFieldInvalid(errorField: string | undefined, inputName: string, kind?: FieldSpec["kind"]): boolean {
  if (!errorField) return false;
  if (errorField === inputName) return true;
  return errorField === "credentials" && kind === "secret";
}
