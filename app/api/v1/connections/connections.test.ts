import { callRoute, type RouteCall, type RouteHandler } from "@/lib/api/testing";
import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { resetKeyRing } from "@/lib/crypto/runtime";
import { createApiKey } from "@/lib/db/queries/api-keys";
import { ensureAuthUser } from "@/lib/db/queries/users";
import { createWorkspace } from "@/lib/db/queries/workspaces";
import { connections, flowSteps, flows, workspaceMembers } from "@/lib/db/schema";
import { openTestDatabase } from "@/lib/db/testing";
import { queryRows, type DatabaseHandle } from "@/lib/db/types";
import { resetEnvCache } from "@/lib/env";
import { startTestServer, type TestServer } from "@/lib/http/test-server";
import { GET as listConnectors, POST as createConnector } from "../connectors/route";
import { GET as getConnector } from "../connectors/[slug]/route";
import { GET as getOne, PATCH as rename } from "./[id]/route";
import { POST as revoke } from "./[id]/revoke/route";
import { POST as validate } from "./[id]/validate/route";
import { GET as list, POST as create } from "./route";

const CANARY = `canary-${randomBytes(12).toString("hex")}`;
let handle: DatabaseHandle;
let api: TestServer;
let accept = true;
const owner = { id: randomUUID(), email: "owner@example.com" };
const viewer = { id: randomUUID(), email: "viewer@example.com" };
const stranger = { id: randomUUID(), email: "stranger@example.com" };
let workspaceId: string;
let ownerKey: string;
let viewerKey: string;
let strangerKey: string;
const bodies: string[] = [];

const call = async (handler: RouteHandler, apiKey: string, options: RouteCall = {}) => {
  const { text, ...result } = await callRoute(handler, apiKey, options);
  bodies.push(text);
  return result;
};

beforeAll(async () => {
  handle = await openTestDatabase();
  api = await startTestServer(
    (req, res) => {
      const good = req.headers.authorization === `Bearer ${CANARY}` && accept;
      if (req.url === "/reset") return req.socket.destroy();
      res.writeHead(good ? 200 : 401, { "content-type": "application/json" });
      res.end(JSON.stringify(good ? { name: "acme-bot" } : { error: { message: "bad token" } }));
    },
    { maxRequests: 100, lifetimeMs: 120_000 },
  );
  process.env.JUNCTION_OUTBOUND_ALLOW = `127.0.0.1:${api.port}`;
  process.env.JUNCTION_ENCRYPTION_KEYS = `t1:${randomBytes(32).toString("base64")}`;
  resetEnvCache();
  resetKeyRing();
  for (const u of [owner, viewer, stranger]) await ensureAuthUser(handle.db, u);
  workspaceId = (await createWorkspace(handle.db, { name: "Acme", ownerId: owner.id })).id;
  const otherId = (await createWorkspace(handle.db, { name: "Globex", ownerId: stranger.id })).id;
  await handle.db.insert(workspaceMembers).values({ workspaceId, userId: viewer.id, role: "viewer" });
  ownerKey = (await createApiKey(handle.db, { workspaceId, name: "o", createdBy: owner.id })).key;
  viewerKey = (await createApiKey(handle.db, { workspaceId, name: "v", createdBy: viewer.id })).key;
  strangerKey = (await createApiKey(handle.db, { workspaceId: otherId, name: "s", createdBy: stranger.id })).key;
});

afterAll(async () => {
  delete process.env.JUNCTION_OUTBOUND_ALLOW;
  delete process.env.JUNCTION_ENCRYPTION_KEYS;
  resetEnvCache();
  resetKeyRing();
  await api.close();
  await handle.close();
});

async function connectionCount(): Promise<number> {
  const [row] = await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from connections`);
  return row.n;
}

describe("custom connectors", () => {
  it("are created from data and appear in the catalog of their workspace only", async () => {
    const created = await call(createConnector, ownerKey, {
      method: "POST",
      body: { name: "Internal API", base_url: api.origin, auth_type: "bearer", validate_path: "/me" },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ slug: "custom-internal-api", custom: true, auth: [{ type: "bearer" }] });
    const catalog = await call(listConnectors, ownerKey);
    expect(catalog.body.data.map((c: { slug: string }) => c.slug)).toEqual(
      expect.arrayContaining(["slack", "stripe", "http", "custom-internal-api"]),
    );
    const theirs = await call(listConnectors, strangerKey);
    expect(theirs.body.data.map((c: { slug: string }) => c.slug)).not.toContain("custom-internal-api");
    expect((await call(getConnector, strangerKey, { params: { slug: "custom-internal-api" } })).status).toBe(404);
    expect((await call(getConnector, ownerKey, { params: { slug: "github" } })).body.actions.length).toBeGreaterThan(1);
  });

  it("refuse a base URL that is not http(s), unknown fields and built-in slugs", async () => {
    const ftp = await call(createConnector, ownerKey, {
      method: "POST",
      body: { name: "FTP", base_url: "ftp://files.example.com", auth_type: "none" },
    });
    expect(ftp).toMatchObject({ status: 400, body: { error: { field: "base_url" } } });
    const extra = await call(createConnector, ownerKey, {
      method: "POST",
      body: { name: "X", base_url: "https://x.example.com", auth_type: "none", color: "red" },
    });
    expect(extra).toMatchObject({ status: 400, body: { error: { field: "color" } } });
    const clash = await call(createConnector, ownerKey, {
      method: "POST",
      body: { name: "Slack", slug: "slack", base_url: "https://x.example.com", auth_type: "none" },
    });
    expect(clash.status).toBe(409);
    const oauthWithout = await call(createConnector, ownerKey, {
      method: "POST",
      body: { name: "O", base_url: "https://x.example.com", auth_type: "oauth2" },
    });
    expect(oauthWithout).toMatchObject({ status: 400, body: { error: { field: "oauth2" } } });
    expect((await call(createConnector, viewerKey, { method: "POST", body: { name: "V", base_url: "https://v.example.com", auth_type: "none" } })).status).toBe(403);
  });
});

describe("connections", () => {
  let connectionId: string;

  it("are created only after the service accepts the credentials, and never show them", async () => {
    const before = await connectionCount();
    const wrong = await call(create, ownerKey, {
      method: "POST",
      body: { connector: "custom-internal-api", name: "Internal", credentials: { token: "wrong-token" } },
    });
    expect(wrong).toMatchObject({ status: 400, body: { error: { code: "credentials_invalid" } } });
    expect(await connectionCount()).toBe(before);

    const ok = await call(create, ownerKey, {
      method: "POST",
      body: { connector: "custom-internal-api", name: "Internal", credentials: { token: CANARY } },
    });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ connector: "custom-internal-api", name: "Internal", status: "active", auth_type: "bearer" });
    expect(ok.body.last_validated_at).not.toBeNull();
    connectionId = ok.body.id;
    const seen = api.requests.filter((r) => r.url === "/me").map((r) => r.headers.authorization);
    expect(seen).toEqual(["Bearer wrong-token", `Bearer ${CANARY}`]);
  });

  it("refuse unknown connectors, missing and extra credential fields, duplicates, with the field named", async () => {
    const before = await connectionCount();
    const cases: [unknown, number, string | undefined][] = [
      [{ connector: "nope", name: "x", credentials: {} }, 400, "connector"],
      [{ connector: "custom-internal-api", name: "y", credentials: {} }, 400, "credentials.token"],
      [{ connector: "custom-internal-api", name: "y", credentials: { token: "t", extra: "1" } }, 400, "credentials.extra"],
      [{ connector: "stripe", name: "y", auth_type: "oauth2", credentials: {} }, 400, "auth_type"],
      [{ connector: "custom-internal-api", name: "Internal", credentials: { token: CANARY } }, 409, undefined],
      [{ connector: "custom-internal-api", name: "", credentials: {} }, 400, "name"],
    ];
    for (const [body, status, field] of cases) {
      const result = await call(create, ownerKey, { method: "POST", body });
      expect(result.status, JSON.stringify(body)).toBe(status);
      if (field) expect(result.body.error.field, JSON.stringify(result.body)).toBe(field);
    }
    expect(await connectionCount()).toBe(before);
  });

  it("a network failure during the check saves nothing and says so", async () => {
    const created = await call(createConnector, ownerKey, {
      method: "POST",
      body: { name: "Flaky", base_url: api.origin, auth_type: "bearer", validate_path: "/reset" },
    });
    expect(created.status).toBe(201);
    const before = await connectionCount();
    const result = await call(create, ownerKey, {
      method: "POST",
      body: { connector: "custom-flaky", name: "Flaky", credentials: { token: CANARY } },
    });
    expect(result).toMatchObject({ status: 502, body: { error: { code: "validation_unavailable" } } });
    expect(await connectionCount()).toBe(before);
  });

  it("validate records invalid when the service stops accepting the key, and active again after", async () => {
    accept = false;
    const invalid = await call(validate, ownerKey, { method: "POST", params: { id: connectionId } });
    expect(invalid.body).toMatchObject({ status: "invalid" });
    expect(invalid.body.status_reason).toMatch(/rejected/);
    accept = true;
    const active = await call(validate, ownerKey, { method: "POST", params: { id: connectionId } });
    expect(active.body).toMatchObject({ status: "active", status_reason: null });
  });

  it("are listed, read and renamed within the workspace", async () => {
    const listed = await call(list, ownerKey);
    expect(listed.body.data.map((c: { id: string }) => c.id)).toContain(connectionId);
    const renamed = await call(rename, ownerKey, { method: "PATCH", params: { id: connectionId }, body: { name: "Internal (prod)" } });
    expect(renamed.body.name).toBe("Internal (prod)");
    expect((await call(getOne, viewerKey, { params: { id: connectionId } })).body.name).toBe("Internal (prod)");
  });

  it("another workspace can neither see, validate, rename nor revoke it, by id or by name", async () => {
    expect((await call(list, strangerKey)).body.data).toEqual([]);
    for (const [handler, method] of [
      [getOne, "GET"],
      [validate, "POST"],
      [revoke, "POST"],
    ] as const) {
      expect((await call(handler, strangerKey, { method, params: { id: connectionId } })).status).toBe(404);
    }
    expect(
      (await call(rename, strangerKey, { method: "PATCH", params: { id: connectionId }, body: { name: "mine" } })).status,
    ).toBe(404);
    const [row] = await handle.db.select().from(connections).where(eq(connections.id, connectionId));
    expect(row).toMatchObject({ name: "Internal (prod)", status: "active" });
  });

  it("a viewer cannot create, validate or revoke", async () => {
    expect((await call(create, viewerKey, { method: "POST", body: { connector: "http", name: "v", credentials: { base_url: "https://x.example.com" } } })).status).toBe(403);
    expect((await call(validate, viewerKey, { method: "POST", params: { id: connectionId } })).status).toBe(403);
    expect((await call(revoke, viewerKey, { method: "POST", params: { id: connectionId } })).status).toBe(403);
  });

  it("revoking destroys the secret and pauses the flows using it, saying why", async () => {
    const [flow] = await handle.db
      .insert(flows)
      .values({ workspaceId, name: "Sync orders", triggerType: "manual", trigger: { type: "manual" }, isActive: true })
      .returning();
    await handle.db
      .insert(flowSteps)
      .values({ workspaceId, flowId: flow.id, position: 0, key: "call", kind: "action", connectionId });
    expect((await call(getOne, ownerKey, { params: { id: connectionId } })).body.used_by).toEqual([
      { flow_id: flow.id, name: "Sync orders" },
    ]);
    const revoked = await call(revoke, ownerKey, { method: "POST", params: { id: connectionId } });
    expect(revoked.body).toMatchObject({ status: "revoked", paused_flows: [flow.id] });
    const [row] = await handle.db.select().from(connections).where(eq(connections.id, connectionId));
    expect(row.credentialsEnc).toBeNull();
    const [paused] = await handle.db.select().from(flows).where(eq(flows.id, flow.id));
    expect(paused.isActive).toBe(false);
    expect(paused.pausedReason).toContain("Internal (prod)");
    expect((await call(validate, ownerKey, { method: "POST", params: { id: connectionId } })).status).toBe(409);
  });

  it("the canary secret appears in no API response and nowhere in the database", async () => {
    expect(bodies.length).toBeGreaterThan(20);
    for (const body of bodies) expect(body).not.toContain(CANARY);
    const tables = await queryRows<{ name: string }>(
      handle.db,
      sql`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind = 'r'`,
    );
    for (const { name } of tables) {
      const rows = await queryRows<{ j: string }>(handle.db, sql`select row_to_json(t)::text as j from ${sql.identifier(name)} t`);
      for (const r of rows) expect(r.j, name).not.toContain(CANARY);
    }
  });
});
