import { z } from "zod";
import type { OAuth2Spec } from "@/lib/connectors/types";
import { outboundFetch, OutboundError } from "@/lib/http";

// Talking to an authorization server's token endpoint (RFC 6749 §4.1.3 and §6) through the
// guarded client. Providers differ in small ways (Slack answers 200 with ok:false, GitHub
// wants Accept: application/json); what they differ in is declared by the connector.

export interface OAuthClient {
  clientId: string;
  clientSecret: string;
}

export interface TokenSet {
  accessToken: string;
  refreshToken?: string;
  expiresAt?: Date;
  scope?: string;
  tokenType?: string;
}

/** `permanent`: the grant is gone (invalid_grant …) and retrying cannot help; otherwise try later. */
export class OAuthTokenError extends Error {
  constructor(
    public readonly code: string,
    message: string,
    public readonly permanent: boolean,
  ) {
    super(message);
    this.name = "OAuthTokenError";
  }
}

const PERMANENT = new Set(["invalid_grant", "invalid_client", "unauthorized_client", "unsupported_grant_type", "invalid_scope"]);

const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  expires_in: z.union([z.number(), z.string().regex(/^\d+$/)]).optional(),
  refresh_token: z.string().min(1).optional(),
  scope: z.union([z.string(), z.array(z.string())]).optional(),
});

const errorResponseSchema = z.object({
  error: z.string().min(1),
  error_description: z.string().optional(),
});

export async function requestToken(
  spec: Pick<OAuth2Spec, "tokenAuthMethod" | "tokenRequestHeaders">,
  tokenUrl: string,
  client: OAuthClient,
  params: Record<string, string>,
  options: { timeoutMs?: number; now?: Date } = {},
): Promise<TokenSet> {
  const form = new URLSearchParams(params);
  const headers: Record<string, string> = {
    "content-type": "application/x-www-form-urlencoded",
    accept: "application/json",
    ...spec.tokenRequestHeaders,
  };
  if (spec.tokenAuthMethod === "basic") {
    const encode = (v: string) => encodeURIComponent(v);
    headers.authorization = `Basic ${Buffer.from(`${encode(client.clientId)}:${encode(client.clientSecret)}`).toString("base64")}`;
  } else {
    form.set("client_id", client.clientId);
    form.set("client_secret", client.clientSecret);
  }
  const secrets = [client.clientSecret, params.code, params.refresh_token, params.code_verifier].filter(
    (s): s is string => Boolean(s),
  );

  let status: number;
  let text: string;
  try {
    const response = await outboundFetch(
      { method: "POST", url: tokenUrl, headers, body: form.toString() },
      { timeoutMs: options.timeoutMs ?? 15_000, maxResponseBytes: 256 * 1024, maxRedirects: 0, secrets },
    );
    status = response.status;
    text = response.text();
  } catch (error) {
    if (error instanceof OutboundError) {
      throw new OAuthTokenError("unreachable", `The token endpoint could not be reached: ${error.message}`, !error.transient);
    }
    throw error;
  }

  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const failure = errorResponseSchema.safeParse(json);
  if (failure.success || (json && typeof json === "object" && (json as { ok?: unknown }).ok === false)) {
    const code = failure.success ? failure.data.error : String((json as { error?: unknown }).error ?? "error");
    const description = failure.success && failure.data.error_description ? ` (${failure.data.error_description})` : "";
    throw new OAuthTokenError(code, `The token endpoint refused the request: ${code}${description}.`, PERMANENT.has(code));
  }
  if (status >= 500 || status === 429) {
    throw new OAuthTokenError("server_error", `The token endpoint answered HTTP ${status}; try again later.`, false);
  }
  const parsed = tokenResponseSchema.safeParse(json);
  if (status !== 200 || !parsed.success) {
    throw new OAuthTokenError(
      "invalid_response",
      `The token endpoint answered HTTP ${status} with something that is not a token response.`,
      status >= 400 && status < 500,
    );
  }
  const t = parsed.data;
  const now = options.now ?? new Date();
  return {
    accessToken: t.access_token,
    ...(t.refresh_token ? { refreshToken: t.refresh_token } : {}),
    ...(t.expires_in !== undefined ? { expiresAt: new Date(now.getTime() + Number(t.expires_in) * 1000) } : {}),
    ...(t.scope !== undefined ? { scope: Array.isArray(t.scope) ? t.scope.join(" ") : t.scope } : {}),
    ...(t.token_type ? { tokenType: t.token_type } : {}),
  };
}

/** A token set as credential values (the oauth2 fields of lib/connectors/credentials.ts). */
export function tokenValues(tokens: TokenSet, previousRefreshToken?: string): Record<string, string> {
  const refresh = tokens.refreshToken ?? previousRefreshToken;
  return {
    access_token: tokens.accessToken,
    ...(refresh ? { refresh_token: refresh } : {}),
    ...(tokens.expiresAt ? { expires_at: tokens.expiresAt.toISOString() } : {}),
    ...(tokens.scope ? { scope: tokens.scope } : {}),
    ...(tokens.tokenType ? { token_type: tokens.tokenType } : {}),
  };
}
