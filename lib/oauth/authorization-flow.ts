import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { calculatePKCECodeChallenge, generateRandomCodeVerifier } from "oauth4webapi";
import { z } from "zod";
import { conflict, forbidden, fromZodError, ValidationError } from "@/lib/api/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { roleAtLeast, type Actor } from "@/lib/auth/types";
import { getKeyRing } from "@/lib/crypto/runtime";
import { checkCredentials } from "@/lib/connections/check-credentials";
import { presentConnection, type ConnectionResponse } from "@/lib/connections/present";
import { resolveConnector, type ResolvedConnector } from "@/lib/connections/resolve-connector";
import { sealCredentials, type StoredCredentials } from "@/lib/connections/sealed-credentials";
import { fieldsSchema, findAuth } from "@/lib/connectors/credentials";
import { fillTemplate } from "@/lib/connectors/paths";
import { connections } from "@/lib/db/schema";
import { asSystem, withUser } from "@/lib/db/scope";
import { badRequest } from "./errors";
import { oauthApp } from "./oauth-app";
import { consumeOAuthState, createOAuthState, OAuthStateError } from "./state";
import { OAuthTokenError, requestToken, tokenValues } from "./token-endpoint";

// The authorization-code flow with PKCE (S256): start() sends the user to the provider with a
// signed single-use state; complete() checks the state, exchanges the code, and stores the
// tokens encrypted as a new connection. Nothing is stored unless the exchange succeeded.

const startSchema = z.object({
  name: z.string().trim().min(1, "must not be empty").max(100, "must be at most 100 characters"),
  fields: z.record(z.string(), z.string()).default({}),
});

async function resolveOAuthConnector(actor: Actor, slug: string): Promise<ResolvedConnector> {
  const resolved = await withUser({ userId: actor.userId, email: actor.email }, (tx) =>
    resolveConnector(tx, actor.workspaceId, slug),
  );
  if (!resolved) throw new ValidationError(`connector: there is no connector "${slug}"`, "connector");
  return resolved;
}

export function callbackUrl(publicOrigin: string, slug: string): string {
  return new URL(`/api/oauth/${encodeURIComponent(slug)}/callback`, publicOrigin).toString();
}

/** Builds the provider's authorization URL for a new connection named `name`. */
export async function startAuthorization(
  actor: Actor,
  input: { connector: string; name: unknown; fields?: unknown; publicOrigin: string },
): Promise<string> {
  if (!roleAtLeast(actor.role, "member")) throw forbidden("Viewers cannot add connections.");
  const parsed = startSchema.safeParse({ name: input.name, fields: input.fields ?? {} });
  if (!parsed.success) throw fromZodError(parsed.error);
  const resolved = await resolveOAuthConnector(actor, input.connector);
  const { spec, client } = await oauthApp(resolved);
  const fieldResult = fieldsSchema(findAuth(resolved.def, "oauth2").fields).safeParse(parsed.data.fields);
  if (!fieldResult.success) throw fromZodError(fieldResult.error, "fields");
  const fields = fieldResult.data as Record<string, string>;

  const codeVerifier = generateRandomCodeVerifier();
  const redirectUri = callbackUrl(input.publicOrigin, resolved.def.slug);
  const state = await asSystem(async (db) =>
    createOAuthState(db, await getKeyRing(), {
      workspaceId: actor.workspaceId,
      userId: actor.userId,
      connector: resolved.def.slug,
      codeVerifier,
      redirectUri,
      payload: { name: parsed.data.name, fields },
    }),
  );
  const url = new URL(fillTemplate(spec.authorizeUrl, fields));
  url.searchParams.set("response_type", "code");
  url.searchParams.set("client_id", client.clientId);
  url.searchParams.set("redirect_uri", redirectUri);
  if (spec.scopes.length) url.searchParams.set("scope", spec.scopes.join(spec.scopeSeparator));
  url.searchParams.set("state", state);
  if (spec.pkce) {
    url.searchParams.set("code_challenge", await calculatePKCECodeChallenge(codeVerifier));
    url.searchParams.set("code_challenge_method", "S256");
  }
  for (const [k, v] of Object.entries(spec.authorizeParams ?? {})) url.searchParams.set(k, v);
  return url.toString();
}

const payloadSchema = z.object({ name: z.string(), fields: z.record(z.string(), z.string()).default({}) });

/** Finishes the flow the provider redirected back from; returns the new connection. */
export async function completeAuthorization(
  actor: Actor,
  input: { connector: string; code?: string | null; state?: string | null; error?: string | null; errorDescription?: string | null },
): Promise<ConnectionResponse> {
  if (input.error) {
    throw badRequest("oauth_denied", `The provider did not grant access: ${input.error}${input.errorDescription ? ` (${input.errorDescription.slice(0, 200)})` : ""}.`);
  }
  if (!input.code || !input.state) throw badRequest("oauth_invalid_callback", "The provider's answer has no code or state.");
  let stateRow;
  try {
    stateRow = await asSystem(async (db) =>
      consumeOAuthState(db, await getKeyRing(), input.state!, { userId: actor.userId, workspaceId: actor.workspaceId }),
    );
  } catch (error) {
    if (error instanceof OAuthStateError) throw badRequest(`oauth_state_${error.reason}`, error.message);
    throw error;
  }
  if (stateRow.connector !== input.connector) {
    throw badRequest("oauth_state_forged", "This OAuth answer was meant for another connector.");
  }
  const payload = payloadSchema.parse(stateRow.payload);
  const resolved = await resolveOAuthConnector(actor, stateRow.connector);
  const { spec, client } = await oauthApp(resolved);

  let tokens;
  try {
    tokens = await requestToken(spec, fillTemplate(spec.tokenUrl, payload.fields), client, {
      grant_type: "authorization_code",
      code: input.code,
      redirect_uri: stateRow.redirectUri,
      ...(spec.pkce ? { code_verifier: stateRow.codeVerifier } : {}),
    });
  } catch (error) {
    if (error instanceof OAuthTokenError) throw badRequest(`oauth_token_${error.code}`, error.message);
    throw error;
  }

  const stored: StoredCredentials = { authType: "oauth2", values: { ...payload.fields, ...tokenValues(tokens) } };
  // The account label is a nicety: a failing check does not undo a working grant.
  const check = await checkCredentials(resolved.def, stored).catch(() => null);
  const accountLabel = check?.ok ? check.accountLabel : undefined;

  const id = randomUUID();
  const credentialsEnc = await sealCredentials(id, actor.workspaceId, stored);
  const row = await withUser({ userId: actor.userId, email: actor.email }, async (tx) => {
    const [taken] = await tx
      .select({ id: connections.id })
      .from(connections)
      .where(and(eq(connections.workspaceId, actor.workspaceId), eq(connections.name, payload.name)));
    if (taken) throw conflict(`A connection named "${payload.name}" already exists in this workspace.`);
    const [inserted] = await tx
      .insert(connections)
      .values({
        id,
        workspaceId: actor.workspaceId,
        connector: resolved.def.slug,
        name: payload.name,
        credentialsEnc,
        status: "active",
        expiresAt: tokens.expiresAt ?? null,
        lastValidatedAt: check?.ok ? new Date() : null,
        metadata: { auth_type: "oauth2", ...(accountLabel ? { account_label: accountLabel } : {}) },
        createdBy: actor.userId,
      })
      .returning();
    await recordAudit(tx, actor, { action: "connection.created", targetType: "connection", targetId: id, targetName: inserted.name, details: { connector: resolved.def.slug, auth_type: "oauth2" } });
    return inserted;
  });
  return presentConnection(row, []);
}
