import { oauth2BearerAuth } from "./auth-specs";
import type { ConnectorDefinition } from "./types";

// What Gmail and Google Sheets share: one Google OAuth client (GOOGLE_CLIENT_ID/SECRET), bearer
// tokens, Google's error body and retry header.
// https://developers.google.com/identity/protocols/oauth2/web-server
export function googleApi(scopes: string[]): Pick<ConnectorDefinition, "auth" | "oauth2" | "errors" | "retryHeaders"> {
  return {
    auth: [oauth2BearerAuth("Sign in with Google")],
    oauth2: {
      authorizeUrl: "https://accounts.google.com/o/oauth2/v2/auth",
      tokenUrl: "https://oauth2.googleapis.com/token",
      scopes,
      scopeSeparator: " ",
      pkce: true,
      clientIdEnv: "GOOGLE_CLIENT_ID",
      clientSecretEnv: "GOOGLE_CLIENT_SECRET",
      tokenAuthMethod: "body",
      refresh: true,
      // A refresh token is only issued with offline access, and again only on consent.
      authorizeParams: { access_type: "offline", prompt: "consent", include_granted_scopes: "true" },
    },
    errors: { messagePaths: ["error.message", "error.status"] },
    retryHeaders: [{ name: "Retry-After", format: "date-or-seconds" }],
  };
}
