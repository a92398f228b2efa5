import { splitAuth } from "@/lib/connectors/request";
import { buildValidationRequest, interpretValidationResponse, type ValidationOutcome } from "@/lib/connectors/validation";
import type { ConnectorDefinition } from "@/lib/connectors/types";
import { outboundFetch, OutboundError, redact } from "@/lib/http";
import type { StoredCredentials } from "./sealed-credentials";
import { secretValues } from "./sealed-credentials";

export const VALIDATION_TIMEOUT_MS = 15_000;

/**
 * Makes the connector's cheap "who am I" call with these credentials through the guarded
 * client. `null` when the connector declares no such call (nothing to check).
 */
export async function checkCredentials(
  def: ConnectorDefinition,
  stored: StoredCredentials,
  options: { timeoutMs?: number } = {},
): Promise<ValidationOutcome | null> {
  const built = buildValidationRequest(def, stored.authType, stored.values);
  if (!built) return null;
  const { request, credentials } = splitAuth(built);
  try {
    const response = await outboundFetch(
      { method: request.method, url: request.url, headers: request.headers, body: request.body },
      {
        credentials,
        timeoutMs: options.timeoutMs ?? VALIDATION_TIMEOUT_MS,
        maxResponseBytes: 1024 * 1024,
        secrets: secretValues(stored),
      },
    );
    let json: unknown = undefined;
    try {
      json = response.json();
    } catch {
      // Not JSON: the status decides.
    }
    const outcome = interpretValidationResponse(def, response.status, json, response.headers);
    // The service's own error text may echo the credential back: never pass it on as is.
    return outcome.ok ? outcome : { ...outcome, message: redact(outcome.message, secretValues(stored)) };
  } catch (error) {
    if (error instanceof OutboundError) {
      return {
        ok: false,
        reason: error.transient ? "transient" : "invalid",
        message: `Could not reach ${def.name} to check the credentials: ${error.message}`,
      };
    }
    throw error;
  }
}
