import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { createApiKey, revokeApiKey } from "@/lib/db/queries/api-keys";
import { ensureAuthUser } from "@/lib/db/queries/users";
import { createWorkspace } from "@/lib/db/queries/workspaces";
import { workspaceMembers, workspaces } from "@/lib/db/schema";
import { openTestDatabase } from "@/lib/db/testing";
import type { DatabaseHandle } from "@/lib/db/types";
import { resetEnvCache } from "@/lib/env";
import { GET as openApi } from "../openapi.json/route";
import { GET as unknownGet } from "../[...path]/route";
import { GET, PATCH } from "./route";

let handle: DatabaseHandle;
const owner = { id: randomUUID(), email: "owner@example.com" };
const viewer = { id: randomUUID(), email: "viewer@example.com" };
const other = { id: randomUUID(), email: "other@example.com" };
let workspaceId: string;
let otherWorkspaceId: string;
let ownerKey: string;
let viewerKey: string;
let otherKey: string;

const url = "http://127.0.0.1:3000/api/v1/workspace";
const get = (key?: string, headers: Record<string, string> = {}) =>
  GET(new Request(url, { headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...headers } }));
const patch = (key: string, body: BodyInit, headers: Record<string, string> = { "content-type": "application/json" }) =>
  PATCH(new Request(url, { method: "PATCH", body, headers: { authorization: `Bearer ${key}`, ...headers } }));

async function errorOf(response: Response) {
  const body = (await response.json()) as { error: { code: string; message: string; field?: string } };
  return { status: response.status, ...body.error };
}

beforeAll(async () => {
  handle = await openTestDatabase();
  for (const u of [owner, viewer, other]) await ensureAuthUser(handle.db, u);
  workspaceId = (await createWorkspace(handle.db, { name: "Acme", ownerId: owner.id })).id;
  otherWorkspaceId = (await createWorkspace(handle.db, { name: "Globex", ownerId: other.id })).id;
  await handle.db.insert(workspaceMembers).values({ workspaceId, userId: viewer.id, role: "viewer" });
  ownerKey = (await createApiKey(handle.db, { workspaceId, name: "ci", createdBy: owner.id })).key;
  viewerKey = (await createApiKey(handle.db, { workspaceId, name: "read", createdBy: viewer.id })).key;
  otherKey = (await createApiKey(handle.db, { workspaceId: otherWorkspaceId, name: "x", createdBy: other.id })).key;
});

afterAll(async () => {
  await handle.close();
});

describe("GET /api/v1/workspace", () => {
  it("returns the key's workspace", async () => {
    const response = await get(ownerKey);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ id: workspaceId, name: "Acme", role: "owner", retention_days: 30, members: 2 });
    expect(Date.parse(body.created_at)).not.toBeNaN();
  });

  it("a key of another workspace sees only its own workspace", async () => {
    const body = await (await get(otherKey)).json();
    expect(body.id).toBe(otherWorkspaceId);
    expect(body.name).toBe("Globex");
  });

  it("refuses a missing, malformed or unknown key with 401 and a Bearer challenge", async () => {
    for (const [response, pattern] of [
      [await get(), /API key/],
      [await get(undefined, { authorization: "Basic abc" }), /Bearer/],
      [await get("not-a-key"), /format/],
      [await get(`jct_${"A".repeat(43)}`), /not valid/],
    ] as const) {
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
      const error = await errorOf(response);
      expect(error.code).toBe("unauthorized");
      expect(error.message).toMatch(pattern);
    }
  });

  it("refuses a revoked key", async () => {
    const { id, key } = await createApiKey(handle.db, { workspaceId, name: "temp", createdBy: owner.id });
    expect((await get(key)).status).toBe(200);
    expect(await revokeApiKey(handle.db, workspaceId, id)).toBe(true);
    const error = await errorOf(await get(key));
    expect(error).toMatchObject({ status: 401, code: "unauthorized" });
    expect(error.message).toMatch(/revoked/);
  });

  it("refuses a key whose creator left the workspace", async () => {
    const leaver = { id: randomUUID(), email: "leaver@example.com" };
    await ensureAuthUser(handle.db, leaver);
    await handle.db.insert(workspaceMembers).values({ workspaceId, userId: leaver.id, role: "member" });
    const { key } = await createApiKey(handle.db, { workspaceId, name: "leaver", createdBy: leaver.id });
    expect((await get(key)).status).toBe(200);
    await handle.db
      .delete(workspaceMembers)
      .where(and(eq(workspaceMembers.workspaceId, workspaceId), eq(workspaceMembers.userId, leaver.id)));
    expect((await get(key)).status).toBe(401);
  });

  it("does not accept a browser session from another site", async () => {
    const response = await get(undefined, { "sec-fetch-site": "cross-site", origin: "https://evil.example" });
    expect(response.status).toBe(401);
  });
});

describe("PATCH /api/v1/workspace", () => {
  it("renames the workspace", async () => {
    const response = await patch(ownerKey, JSON.stringify({ name: "Acme Corp", retention_days: 14 }));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ name: "Acme Corp", retention_days: 14 });
  });

  it("403 for a viewer, and nothing changes", async () => {
    const error = await errorOf(await patch(viewerKey, JSON.stringify({ name: "Viewer was here" })));
    expect(error).toMatchObject({ status: 403, code: "forbidden" });
    const [row] = await handle.db.select().from(workspaces).where(eq(workspaces.id, workspaceId));
    expect(row.name).toBe("Acme Corp");
  });

  it("400 naming the field for an unknown field, a bad value or malformed JSON", async () => {
    expect(await errorOf(await patch(ownerKey, JSON.stringify({ name: "x", plan: "pro" })))).toMatchObject({
      status: 400,
      code: "validation_failed",
      field: "plan",
    });
    expect(await errorOf(await patch(ownerKey, JSON.stringify({ retention_days: 0 })))).toMatchObject({
      status: 400,
      field: "retention_days",
    });
    expect(await errorOf(await patch(ownerKey, JSON.stringify({ name: "" })))).toMatchObject({ status: 400, field: "name" });
    expect(await errorOf(await patch(ownerKey, "{not json"))).toMatchObject({ status: 400, code: "validation_failed" });
    expect(await errorOf(await patch(ownerKey, JSON.stringify({ __proto__: { admin: true } })))).toMatchObject({
      status: 400,
    });
  });

  it("415 for another content type and 413 for a body over 1 MiB", async () => {
    expect(
      await errorOf(await patch(ownerKey, "name=x", { "content-type": "application/x-www-form-urlencoded" })),
    ).toMatchObject({ status: 415, code: "unsupported_media_type" });
    const huge = JSON.stringify({ name: "x".repeat(2 * 1024 * 1024) });
    expect(await errorOf(await patch(ownerKey, huge))).toMatchObject({ status: 413, code: "payload_too_large" });
    const [row] = await handle.db.select().from(workspaces).where(eq(workspaces.id, workspaceId));
    expect(row.name).toBe("Acme Corp");
  });
});

describe("rate limit", () => {
  it("answers 429 with Retry-After past the per-key limit", async () => {
    process.env.JUNCTION_API_RATE_LIMIT = "3";
    resetEnvCache();
    try {
      const { key } = await createApiKey(handle.db, { workspaceId, name: "burst", createdBy: owner.id });
      const { key: fresh } = await createApiKey(handle.db, { workspaceId, name: "fresh", createdBy: owner.id });
      // The window is a calendar minute: do not start the burst just before it turns.
      const intoMinute = Date.now() % 60_000;
      if (intoMinute > 55_000) await new Promise((r) => setTimeout(r, 60_100 - intoMinute));
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await get(key)).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      const limited = await get(key);
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
      expect((await errorOf(limited)).code).toBe("rate_limited");
      // Another key has its own budget.
      expect((await get(fresh)).status).toBe(200);
    } finally {
      delete process.env.JUNCTION_API_RATE_LIMIT;
      resetEnvCache();
    }
  });
});

describe("the rest of /api/v1", () => {
  it("unknown routes answer a JSON 404", async () => {
    const response = await unknownGet(new Request("http://127.0.0.1:3000/api/v1/nope"));
    expect(await errorOf(response)).toMatchObject({ status: 404, code: "not_found" });
  });

  it("serves an OpenAPI document generated from the handlers' schemas", async () => {
    const doc = await openApi().json();
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths["/api/v1/workspace"])).toEqual(expect.arrayContaining(["get", "patch"]));
    expect(doc.components.schemas.Workspace.properties.role.enum).toEqual(["owner", "admin", "member", "viewer"]);
    expect(doc.components.schemas.WorkspaceUpdate.additionalProperties).toBe(false);
    expect(doc.components.securitySchemes.apiKey.scheme).toBe("bearer");
  });
});
