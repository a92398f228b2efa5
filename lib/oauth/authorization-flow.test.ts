import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { ApiError } from "@/lib/api/errors";
import type { Actor } from "@/lib/auth/types";
import { createCustomConnector } from "@/lib/connections/manage-custom-connectors";
import { openCredentials } from "@/lib/connections/sealed-credentials";
import { resetKeyRing } from "@/lib/crypto/runtime";
import { ensureAuthUser } from "@/lib/db/queries/users";
import { createWorkspace } from "@/lib/db/queries/workspaces";
import { alerts, connections, flowSteps, flows, oauthStates } from "@/lib/db/schema";
import { openTestDatabase } from "@/lib/db/testing";
import { queryRows, type DatabaseHandle } from "@/lib/db/types";
import { resetEnvCache } from "@/lib/env";
import { startTestServer, type TestServer } from "@/lib/http/test-server";
import { completeAuthorization, startAuthorization } from "./authorization-flow";
import { ConnectionUnavailableError, freshCredentials } from "./refresh-connection";
import { startAuthorizationServer, type TestAuthorizationServer } from "./testing/authorization-server";

const ORIGIN = "http://127.0.0.1:3000";
let handle: DatabaseHandle;
let as: TestAuthorizationServer;
let garbage: TestServer;
let alice: Actor;
let mallory: Actor;

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ApiError);
  return (error as ApiError).code;
}

async function connectionCount(): Promise<number> {
  const [row] = await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from connections`);
  return row.n;
}

/** Runs the browser's part: start, the provider's login and consent, back to our callback. */
async function authorize(actor: Actor, name: string, slug = "custom-test-idp") {
  const authorizeUrl = await startAuthorization(actor, { connector: slug, name, publicOrigin: ORIGIN });
  const back = await as.authorize(authorizeUrl);
  return { authorizeUrl: new URL(authorizeUrl), back };
}

beforeAll(async () => {
  handle = await openTestDatabase();
  as = await startAuthorizationServer({
    redirectUris: [`${ORIGIN}/api/oauth/custom-test-idp/callback`, `${ORIGIN}/api/oauth/custom-garbage/callback`],
    accessTokenTtlSeconds: 60,
  });
  garbage = await startTestServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html" });
    res.end("<html>definitely not a token</html>");
  });
  process.env.JUNCTION_OUTBOUND_ALLOW = `127.0.0.1:${new URL(as.issuer).port},127.0.0.1:${garbage.port}`;
  process.env.JUNCTION_ENCRYPTION_KEYS = `t1:${randomBytes(32).toString("base64")}`;
  resetEnvCache();
  resetKeyRing();
  const a = { id: randomUUID(), email: "alice@example.com" };
  const m = { id: randomUUID(), email: "mallory@example.com" };
  for (const u of [a, m]) await ensureAuthUser(handle.db, u);
  const ws = await createWorkspace(handle.db, { name: "A", ownerId: a.id });
  const wsM = await createWorkspace(handle.db, { name: "M", ownerId: m.id });
  alice = { workspaceId: ws.id, userId: a.id, email: a.email, role: "owner" };
  mallory = { workspaceId: wsM.id, userId: m.id, email: m.email, role: "owner" };
  const oauth2 = { authorize_url: as.authorizeUrl, token_url: as.tokenUrl, scopes: ["openid", "offline_access"], client_id: as.clientId, client_secret: as.clientSecret };
  await createCustomConnector(alice, { name: "Test IdP", base_url: as.issuer, auth_type: "oauth2", oauth2 });
  await createCustomConnector(alice, {
    name: "Garbage",
    base_url: garbage.origin,
    auth_type: "oauth2",
    oauth2: { ...oauth2, token_url: `${garbage.origin}/token` },
  });
});

afterAll(async () => {
  delete process.env.JUNCTION_OUTBOUND_ALLOW;
  delete process.env.JUNCTION_ENCRYPTION_KEYS;
  resetEnvCache();
  resetKeyRing();
  await as?.close();
  await garbage?.close();
  await handle?.close();
});

describe("OAuth2 authorization code with PKCE against a real authorization server", () => {
  let connectionId: string;

  it("sends the user to the provider with S256 PKCE and a state, then stores the tokens encrypted", async () => {
    const { authorizeUrl, back } = await authorize(alice, "IdP");
    expect(authorizeUrl.searchParams.get("code_challenge_method")).toBe("S256");
    expect(authorizeUrl.searchParams.get("code_challenge")).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(authorizeUrl.searchParams.get("redirect_uri")).toBe(`${ORIGIN}/api/oauth/custom-test-idp/callback`);
    const connection = await completeAuthorization(alice, {
      connector: "custom-test-idp",
      code: back.searchParams.get("code"),
      state: back.searchParams.get("state"),
    });
    expect(connection).toMatchObject({ name: "IdP", status: "active", auth_type: "oauth2", connector: "custom-test-idp" });
    expect(Date.parse(connection.expires_at!) - Date.now()).toBeGreaterThan(30_000);
    connectionId = connection.id;
    const [row] = await handle.db.select().from(connections).where(eq(connections.id, connectionId));
    const stored = await openCredentials(row.id, row.workspaceId, row.credentialsEnc!);
    expect(stored.values.access_token).toBeTruthy();
    expect(stored.values.refresh_token).toBeTruthy();
    const dump = await queryRows<{ j: string }>(handle.db, sql`select row_to_json(c)::text as j from connections c`);
    expect(dump.map((d) => d.j).join("\n")).not.toContain(stored.values.access_token);
    expect(as.tokenRequests.map((t) => t.grant_type)).toEqual(["authorization_code"]);
  });

  it("a state is single-use, bound to its user, and expires; each failure stores nothing", async () => {
    const { back } = await authorize(alice, "Second");
    const code = back.searchParams.get("code");
    const state = back.searchParams.get("state");
    const before = await connectionCount();
    // Another user cannot complete alice's flow.
    expect(await codeOf(completeAuthorization(mallory, { connector: "custom-test-idp", code, state }))).toBe("oauth_state_forged");
    expect(await codeOf(completeAuthorization(alice, { connector: "custom-test-idp", code, state: "x.y" }))).toBe("oauth_state_malformed");
    await completeAuthorization(alice, { connector: "custom-test-idp", code, state });
    expect(await codeOf(completeAuthorization(alice, { connector: "custom-test-idp", code, state }))).toBe(
      "oauth_state_unknown_or_used",
    );
    expect(await connectionCount()).toBe(before + 1);

    const third = await authorize(alice, "Third");
    await handle.db.update(oauthStates).set({ expiresAt: new Date(Date.now() - 1000) });
    expect(
      await codeOf(
        completeAuthorization(alice, {
          connector: "custom-test-idp",
          code: third.back.searchParams.get("code"),
          state: third.back.searchParams.get("state"),
        }),
      ),
    ).toBe("oauth_state_expired");
    expect(await connectionCount()).toBe(before + 1);
  });

  it("a refused authorization and a token endpoint answering garbage give clear errors and no connection", async () => {
    const before = await connectionCount();
    expect(
      await codeOf(completeAuthorization(alice, { connector: "custom-test-idp", error: "access_denied", errorDescription: "no" })),
    ).toBe("oauth_denied");
    const url = await startAuthorization(alice, { connector: "custom-garbage", name: "G", publicOrigin: ORIGIN });
    const back = await as.authorize(url);
    expect(
      await codeOf(
        completeAuthorization(alice, {
          connector: "custom-garbage",
          code: back.searchParams.get("code"),
          state: back.searchParams.get("state"),
        }),
      ),
    ).toBe("oauth_token_invalid_response");
    expect(await connectionCount()).toBe(before);
  });

  it("refreshes before expiry, once even when several callers ask at the same time", async () => {
    const before = as.tokenRequests.filter((t) => t.grant_type === "refresh_token").length;
    const [row] = await handle.db.select().from(connections).where(eq(connections.id, connectionId));
    const old = await openCredentials(row.id, row.workspaceId, row.credentialsEnc!);
    // Fifty seconds later the 60-second token is inside the five-minute refresh window.
    const later = new Date(Date.now() + 50_000);
    const results = await Promise.all(
      Array.from({ length: 4 }, () => freshCredentials(handle.db, alice.workspaceId, connectionId, { now: later, windowMs: 30_000 })),
    );
    const after = as.tokenRequests.filter((t) => t.grant_type === "refresh_token").length;
    expect(after - before).toBe(1);
    expect(new Set(results.map((r) => r.values.access_token)).size).toBe(1);
    expect(results[0].values.access_token).not.toBe(old.values.access_token);
    expect(results[0].values.refresh_token).not.toBe(old.values.refresh_token);
    const [updated] = await handle.db.select().from(connections).where(eq(connections.id, connectionId));
    expect(updated.expiresAt!.getTime()).toBeGreaterThan(later.getTime() + 30_000);
  });

  it("refreshes once after a 401 refused the current token, and not again for a stale one", async () => {
    // windowMs 0: only the 401 decides here, not the token's age.
    const current = await freshCredentials(handle.db, alice.workspaceId, connectionId, { windowMs: 0 });
    const before = as.tokenRequests.length;
    const renewed = await freshCredentials(handle.db, alice.workspaceId, connectionId, {
      rejectedAccessToken: current.values.access_token,
      windowMs: 0,
    });
    expect(renewed.values.access_token).not.toBe(current.values.access_token);
    await freshCredentials(handle.db, alice.workspaceId, connectionId, {
      rejectedAccessToken: current.values.access_token,
      windowMs: 0,
    });
    expect(as.tokenRequests.length - before).toBe(1);
  });

  it("a refresh refused for good (invalid_grant) expires the connection, pauses its flows and opens an alert", async () => {
    const [flow] = await handle.db
      .insert(flows)
      .values({ workspaceId: alice.workspaceId, name: "Uses IdP", triggerType: "manual", trigger: {}, isActive: true })
      .returning();
    await handle.db
      .insert(flowSteps)
      .values({ workspaceId: alice.workspaceId, flowId: flow.id, position: 0, key: "s", kind: "action", connectionId });
    await as.revokeGrants();
    const current = await freshCredentials(handle.db, alice.workspaceId, connectionId, { windowMs: 0 });
    const error = await freshCredentials(handle.db, alice.workspaceId, connectionId, {
      rejectedAccessToken: current.values.access_token,
      windowMs: 0,
    }).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionUnavailableError);
    expect((error as ConnectionUnavailableError).transient).toBe(false);
    const [row] = await handle.db.select().from(connections).where(eq(connections.id, connectionId));
    expect(row.status).toBe("expired");
    expect(row.statusReason).toContain("invalid_grant");
    const [paused] = await handle.db.select().from(flows).where(eq(flows.id, flow.id));
    expect(paused.isActive).toBe(false);
    const [alert] = await handle.db.select().from(alerts).where(eq(alerts.connectionId, connectionId));
    expect(alert).toMatchObject({ kind: "connection_invalid", status: "open" });
  });
});
