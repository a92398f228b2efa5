import { and, eq, sql } from "drizzle-orm";
import { flowsUsingConnection, pauseFlows } from "@/lib/connections/connection-queries";
import { resolveConnector } from "@/lib/connections/resolve-connector";
import { openCredentials, sealCredentials, type StoredCredentials } from "@/lib/connections/sealed-credentials";
import { fillTemplate } from "@/lib/connectors/paths";
import { alerts, connections } from "@/lib/db/schema";
import type { Db, Tx } from "@/lib/db/types";
import { oauthApp } from "./oauth-app";
import { OAuthTokenError, requestToken, tokenValues } from "./token-endpoint";

// OAuth access tokens are refreshed shortly before they expire (and once after a 401), by one
// caller at a time per connection across every worker: the refresh runs under a transaction-
// scoped advisory lock on the connection, and whoever waited reads the new token instead of
// refreshing again. A refresh the provider refuses for good marks the connection expired,
// pauses its flows and opens an alert; a passing failure is left for the caller to retry.

export const REFRESH_WINDOW_MS = 5 * 60_000;

export class ConnectionUnavailableError extends Error {
  constructor(
    message: string,
    public readonly transient: boolean,
  ) {
    super(message);
    this.name = "ConnectionUnavailableError";
  }
}

function expiresSoon(stored: StoredCredentials, now: Date, windowMs: number): boolean {
  const at = stored.values.expires_at;
  return Boolean(at) && new Date(at).getTime() - now.getTime() <= windowMs;
}

async function markExpired(tx: Tx, row: typeof connections.$inferSelect, reason: string): Promise<void> {
  await tx
    .update(connections)
    .set({ status: "expired", statusReason: reason, updatedAt: new Date() })
    .where(eq(connections.id, row.id));
  const using = await flowsUsingConnection(tx, row.workspaceId, row.id);
  await pauseFlows(tx, row.workspaceId, using.map((f) => f.flowId), `Paused because its connection "${row.name}" expired: ${reason}`);
  await tx
    .insert(alerts)
    .values({
      workspaceId: row.workspaceId,
      connectionId: row.id,
      kind: "connection_invalid",
      fingerprint: `connection:${row.id}:expired`,
      title: `Connection "${row.name}" expired`,
      message: `${reason} Reconnect it to resume ${using.length} paused flow(s).`,
      details: { paused_flows: using.map((f) => f.flowId) },
    })
    .onConflictDoUpdate({
      target: [alerts.workspaceId, alerts.fingerprint],
      targetWhere: sql`${alerts.status} <> 'resolved'`,
      set: { occurrences: sql`${alerts.occurrences} + 1`, updatedAt: new Date() },
    });
}

/**
 * The connection's credentials, refreshed first when they are OAuth tokens about to expire
 * or when `rejectedAccessToken` (the token a 401 just refused) is still the stored one.
 */
export async function freshCredentials(
  db: Db,
  workspaceId: string,
  connectionId: string,
  options: { now?: Date; windowMs?: number; rejectedAccessToken?: string } = {},
): Promise<StoredCredentials> {
  const now = options.now ?? new Date();
  const windowMs = options.windowMs ?? REFRESH_WINDOW_MS;
  const needsRefresh = (stored: StoredCredentials) =>
    stored.authType === "oauth2" &&
    (expiresSoon(stored, now, windowMs) ||
      (options.rejectedAccessToken !== undefined && stored.values.access_token === options.rejectedAccessToken));

  const load = async (q: Db | Tx, lock: boolean) => {
    const query = q
      .select()
      .from(connections)
      .where(and(eq(connections.id, connectionId), eq(connections.workspaceId, workspaceId)));
    const [row] = lock ? await query.for("update") : await query;
    if (!row) throw new ConnectionUnavailableError("The connection no longer exists.", false);
    if (row.status === "revoked" || !row.credentialsEnc) {
      throw new ConnectionUnavailableError(`The connection "${row.name}" was revoked.`, false);
    }
    if (row.status === "expired") {
      throw new ConnectionUnavailableError(`The connection "${row.name}" expired: ${row.statusReason ?? "reconnect it"}`, false);
    }
    return { row, stored: await openCredentials(row.id, row.workspaceId, row.credentialsEnc) };
  };

  const first = await load(db, false);
  if (!needsRefresh(first.stored)) return first.stored;

  let permanentFailure: string | undefined;
  const result = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`junction:refresh:${connectionId}`}))`);
    const current = await load(tx, true);
    // Someone else refreshed while we waited for the lock.
    if (!needsRefresh(current.stored)) return current.stored;
    const refreshToken = current.stored.values.refresh_token;
    if (!refreshToken) {
      permanentFailure = "The access token expired and the provider gave no refresh token.";
      await markExpired(tx, current.row, permanentFailure);
      return null;
    }
    const resolved = await resolveConnector(tx, workspaceId, current.row.connector);
    if (!resolved) throw new ConnectionUnavailableError(`The connector "${current.row.connector}" no longer exists.`, false);
    const { spec, client } = await oauthApp(resolved);
    try {
      const tokens = await requestToken(spec, fillTemplate(spec.tokenUrl, current.stored.values), client, {
        grant_type: "refresh_token",
        refresh_token: refreshToken,
      }, { now });
      const stored: StoredCredentials = {
        authType: "oauth2",
        values: { ...current.stored.values, ...tokenValues(tokens, refreshToken) },
      };
      if (!tokens.expiresAt) delete stored.values.expires_at;
      await tx
        .update(connections)
        .set({
          credentialsEnc: await sealCredentials(current.row.id, workspaceId, stored),
          expiresAt: tokens.expiresAt ?? null,
          status: "active",
          statusReason: null,
          updatedAt: new Date(),
        })
        .where(eq(connections.id, current.row.id));
      return stored;
    } catch (error) {
      if (error instanceof OAuthTokenError && error.permanent) {
        permanentFailure = `The provider refused to refresh the token (${error.code}).`;
        await markExpired(tx, current.row, permanentFailure);
        return null;
      }
      if (error instanceof OAuthTokenError) throw new ConnectionUnavailableError(error.message, true);
      throw error;
    }
  });
  if (!result) throw new ConnectionUnavailableError(permanentFailure ?? "The connection expired.", false);
  return result;
}
