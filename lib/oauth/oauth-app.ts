import { badRequest } from "./errors";
import { decryptSecret } from "@/lib/crypto";
import { getKeyRing } from "@/lib/crypto/runtime";
import { oauthClientFromEnv } from "@/lib/connections/environment";
import type { ResolvedConnector } from "@/lib/connections/resolve-connector";
import { storedDefinitionSchema } from "@/lib/connections/custom-connector";
import type { OAuth2Spec } from "@/lib/connectors/types";
import type { OAuthClient } from "./token-endpoint";

/** The connector's OAuth settings and client: a custom connector's stored app, or the deployment's env. */
export async function oauthApp(resolved: ResolvedConnector): Promise<{ spec: OAuth2Spec; client: OAuthClient }> {
  const { def, custom } = resolved;
  const spec = def.oauth2;
  if (!spec || !def.auth.some((a) => a.type === "oauth2")) {
    throw badRequest("oauth_unsupported", `${def.name} does not connect with OAuth.`);
  }
  if (custom) {
    const stored = storedDefinitionSchema.parse(custom.definition);
    if (!stored.oauth2 || !custom.oauthClientSecretEnc) {
      throw badRequest("oauth_not_configured", `${def.name} has no OAuth app configured.`);
    }
    const clientSecret = decryptSecret(await getKeyRing(), custom.oauthClientSecretEnc, {
      table: "connectors",
      rowId: custom.id,
      workspaceId: custom.workspaceId,
    });
    return { spec, client: { clientId: stored.oauth2.client_id, clientSecret } };
  }
  const client = oauthClientFromEnv(def);
  if (!client) {
    throw badRequest(
      "oauth_not_configured",
      `Connecting ${def.name} with OAuth needs ${spec.clientIdEnv} and ${spec.clientSecretEnv} in the server's environment.`,
    );
  }
  return { spec, client };
}
