import { parseCredentials } from "./credentials";
import { firstText } from "./paths";
import { buildRequest, type HttpRequest } from "./request";
import { bodyReportsFailure, errorMessage, isTransientStatus, retryAfterMs } from "./responses";
import type { AuthType, ConnectorDefinition } from "./types";

// Checking a credential with the connector's declared cheap call, and reading the answer.

export type ValidationOutcome =
  | { ok: true; accountLabel?: string }
  | { ok: false; reason: "invalid" | "transient"; message: string };

/** The request that proves a credential works, or undefined when the connector declares none. */
export function buildValidationRequest(def: ConnectorDefinition, authType: AuthType, credentials: unknown): HttpRequest | undefined {
  const spec = def.validate;
  if (!spec) return undefined;
  const values = parseCredentials(def, authType, credentials);
  const absolute = /^https?:\/\//.test(spec.path);
  return buildRequest(
    def,
    { method: spec.method ?? "GET", ...(absolute ? { url: spec.path } : { path: spec.path }), query: spec.query },
    { connection: { authType, credentials: values } },
  );
}

/**
 * 401/403 → invalid; 408/425/429/5xx (or a 403 carrying a rate-limit wait) → transient;
 * an expected status whose body still reports failure → invalid; anything else unexpected → invalid.
 */
export function interpretValidationResponse(
  def: ConnectorDefinition,
  status: number,
  json: unknown,
  headers: Headers | Record<string, string | undefined> = {},
): ValidationOutcome {
  const said = errorMessage(def, json);
  const detail = said ? `: ${said}` : "";
  if (isTransientStatus(status) || (status === 403 && retryAfterMs(def, headers, { status }) !== undefined)) {
    return { ok: false, reason: "transient", message: `${def.name} is unavailable or rate limited right now (HTTP ${status})${detail}. Try again shortly.` };
  }
  if (status === 401 || status === 403) {
    return { ok: false, reason: "invalid", message: `${def.name} rejected these credentials (HTTP ${status})${detail}.` };
  }
  const okStatuses = def.validate?.okStatuses ?? [200];
  if (!okStatuses.includes(status)) {
    return { ok: false, reason: "invalid", message: `${def.name} answered the credential check with HTTP ${status}${detail}.` };
  }
  if (bodyReportsFailure(def, json)) {
    return { ok: false, reason: "invalid", message: `${def.name} rejected these credentials${detail || "."}` };
  }
  const accountLabel = firstText(json, def.validate?.accountLabel ?? []);
  return accountLabel ? { ok: true, accountLabel } : { ok: true };
}
