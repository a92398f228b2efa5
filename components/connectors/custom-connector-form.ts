// The "Add custom connector" form: its auth choices and how its FormData becomes the input of
// customConnectorSchema (lib/connections/custom-connector.ts), which the action and the
// service both check.

export const CUSTOM_AUTH_TYPES = [
  { value: "api_key", label: "API key header" },
  { value: "bearer", label: "Bearer token" },
  { value: "basic", label: "Username and password" },
  { value: "oauth2", label: "OAuth 2.0" },
  { value: "none", label: "No auth" },
] as const;

export type CustomAuthType = (typeof CUSTOM_AUTH_TYPES)[number]["value"];

/** Scopes as typed: separated by spaces or commas. */
export function splitScopes(value: string): string[] {
  return value.split(/[\s,]+/).filter(Boolean);
}

/**
 * Empty fields are left out (optional ones then take their defaults); fields that only
 * apply to another auth type are dropped, so hidden leftovers never reach the schema.
 */
export function customConnectorInputFromForm(formData: FormData): Record<string, unknown> {
  const raw = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value : "";
  };
  const text = (name: string) => raw(name).trim();
  const input: Record<string, unknown> = {};
  const put = (target: Record<string, unknown>, key: string, value: string | string[]) => {
    if (Array.isArray(value) ? value.length > 0 : value !== "") target[key] = value;
  };
  const authType = text("auth_type");
  put(input, "name", text("name"));
  put(input, "description", text("description"));
  put(input, "base_url", text("base_url"));
  put(input, "auth_type", authType);
  if (authType === "api_key") put(input, "header_name", text("header_name"));
  put(input, "validate_path", text("validate_path"));
  if (authType === "oauth2") {
    const oauth2: Record<string, unknown> = {};
    put(oauth2, "authorize_url", text("oauth2.authorize_url"));
    put(oauth2, "token_url", text("oauth2.token_url"));
    put(oauth2, "scopes", splitScopes(raw("oauth2.scopes")));
    put(oauth2, "client_id", text("oauth2.client_id"));
    // A secret is kept exactly as pasted.
    put(oauth2, "client_secret", raw("oauth2.client_secret"));
    input.oauth2 = oauth2;
  }
  return input;
}
