import { credentialsFromEnv } from "@/lib/connectors/credentials";
import type { ConnectorDefinition } from "@/lib/connectors/types";

// Deployment-wide credentials and OAuth apps come from environment variables whose names the
// connectors declare (STRIPE_SECRET_KEY, SLACK_CLIENT_ID, …). This is the one module that
// reads those variables; only their presence ever leaves it, never their values.

export function isConfiguredByEnvironment(def: ConnectorDefinition, env: Record<string, string | undefined> = process.env): boolean {
  try {
    return credentialsFromEnv(def, env) !== undefined;
  } catch {
    // Set but malformed: not usable, so not "configured".
    return false;
  }
}

export function environmentCredentials(def: ConnectorDefinition, env: Record<string, string | undefined> = process.env) {
  return credentialsFromEnv(def, env);
}

/** The OAuth client of a built-in connector, from its declared variables; null when unset. */
export function oauthClientFromEnv(
  def: ConnectorDefinition,
  env: Record<string, string | undefined> = process.env,
): { clientId: string; clientSecret: string } | null {
  const spec = def.oauth2;
  if (!spec || !spec.clientIdEnv || !spec.clientSecretEnv) return null;
  const clientId = env[spec.clientIdEnv]?.trim();
  const clientSecret = env[spec.clientSecretEnv]?.trim();
  return clientId && clientSecret ? { clientId, clientSecret } : null;
}

/** Every variable some connector reads, for .env.example and the docs. */
export function declaredVariables(defs: readonly ConnectorDefinition[]): string[] {
  const names = new Set<string>();
  for (const def of defs) {
    for (const variable of Object.values(def.envCredentials?.variables ?? {})) names.add(variable);
    if (def.oauth2?.clientIdEnv) names.add(def.oauth2.clientIdEnv);
    if (def.oauth2?.clientSecretEnv) names.add(def.oauth2.clientSecretEnv);
  }
  return [...names].sort();
}
