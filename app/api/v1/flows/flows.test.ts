import { callRoute, type RouteCall, type RouteHandler } from "@/lib/api/testing";
import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { resetKeyRing } from "@/lib/crypto/runtime";
import { createApiKey } from "@/lib/db/queries/api-keys";
import { ensureAuthUser } from "@/lib/db/queries/users";
import { createWorkspace } from "@/lib/db/queries/workspaces";
import { connections, flowVersions, webhookEndpoints, workspaceMembers } from "@/lib/db/schema";
import { openTestDatabase } from "@/lib/db/testing";
import type { DatabaseHandle } from "@/lib/db/types";
import { resetEnvCache } from "@/lib/env";
import { GET as getExecution } from "../executions/[id]/route";
import { POST as activate } from "./[id]/activate/route";
import { POST as deactivate } from "./[id]/deactivate/route";
import { GET as exportFlow } from "./[id]/export/route";
import { DELETE as remove, GET as getFlow, PUT as putFlow } from "./[id]/route";
import { POST as runFlow } from "./[id]/run/route";
import { GET as list, POST as create } from "./route";

let handle: DatabaseHandle;
let key: string;
let viewerKey: string;
let strangerKey: string;
let foreignConnection: string;
const SECRET = `whsec_${randomBytes(12).toString("hex")}`;
const bodies: string[] = [];

const call = async (handler: RouteHandler, apiKey: string, options: RouteCall = {}) => {
  const { text, ...result } = await callRoute(handler, apiKey, options);
  bodies.push(text);
  return result;
};

const contractFlow = () => ({
  name: "Orders to ledger",
  active: true,
  trigger: { type: "webhook", signature: { scheme: "stripe", secret: SECRET } },
  steps: [
    {
      key: "post",
      type: "action",
      connector: "http",
      action: "request",
      connection: null,
      input: {
        method: "POST",
        url: "https://ledger.example.com/entries",
        body: { orderId: "{{ $string(trigger.body.id) }}", email: "{{ $lowercase(trigger.body.user.email) }}" },
      },
    },
  ],
});

beforeAll(async () => {
  handle = await openTestDatabase();
  process.env.JUNCTION_ENCRYPTION_KEYS = `t1:${randomBytes(32).toString("base64")}`;
  resetEnvCache();
  resetKeyRing();
  const owner = { id: randomUUID(), email: "o@example.com" };
  const viewer = { id: randomUUID(), email: "v@example.com" };
  const stranger = { id: randomUUID(), email: "s@example.com" };
  for (const u of [owner, viewer, stranger]) await ensureAuthUser(handle.db, u);
  const ws = await createWorkspace(handle.db, { name: "A", ownerId: owner.id });
  const other = await createWorkspace(handle.db, { name: "B", ownerId: stranger.id });
  await handle.db.insert(workspaceMembers).values({ workspaceId: ws.id, userId: viewer.id, role: "viewer" });
  key = (await createApiKey(handle.db, { workspaceId: ws.id, name: "k", createdBy: owner.id })).key;
  viewerKey = (await createApiKey(handle.db, { workspaceId: ws.id, name: "v", createdBy: viewer.id })).key;
  strangerKey = (await createApiKey(handle.db, { workspaceId: other.id, name: "s", createdBy: stranger.id })).key;
  const [c] = await handle.db
    .insert(connections)
    .values({ workspaceId: other.id, connector: "http", name: "theirs", credentialsEnc: null })
    .returning();
  foreignConnection = c.id;
});

afterAll(async () => {
  delete process.env.JUNCTION_ENCRYPTION_KEYS;
  resetEnvCache();
  resetKeyRing();
  await handle.close();
});

describe("/api/v1/flows", () => {
  let flowId: string;

  it("creates the public contract's flow, answering its webhook URL once and never the signing secret", async () => {
    const created = await call(create, key, { method: "POST", body: contractFlow() });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: "Orders to ledger", active: true, version: 1, trigger: { type: "webhook", signature: { scheme: "stripe" } } });
    expect(created.body.webhook_url).toMatch(/^http:\/\/127\.0\.0\.1:3000\/api\/webhooks\/[A-Za-z0-9_-]{43}$/);
    flowId = created.body.id;
    const [endpoint] = await handle.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.flowId, flowId));
    expect(endpoint.signingSecretEnc).toMatch(/^jv1\./);
    const token = created.body.webhook_url.split("/").pop();
    expect(endpoint.tokenHash).not.toContain(token);
    const [version] = await handle.db.select().from(flowVersions).where(eq(flowVersions.flowId, flowId));
    expect(JSON.stringify(version.definition)).not.toContain(SECRET);
    expect((await call(getFlow, key, { params: { id: flowId } })).body.webhook_url).toBeUndefined();
  });

  it("refuses what cannot run, naming the field, and saves nothing", async () => {
    const before = (await call(list, key)).body.data.length;
    const cases: [unknown, string][] = [
      [{ ...contractFlow(), steps: [{ ...contractFlow().steps[0], connector: "nope" }] }, "steps[0].connector"],
      [{ ...contractFlow(), steps: [{ ...contractFlow().steps[0], action: "explode" }] }, "steps[0].action"],
      [{ ...contractFlow(), steps: [{ ...contractFlow().steps[0], connection: foreignConnection }] }, "steps[0].connection"],
      [{ ...contractFlow(), steps: [contractFlow().steps[0], contractFlow().steps[0]] }, "steps[1].key"],
      [{ ...contractFlow(), trigger: { type: "schedule", cron: "61 * * * *" } }, "trigger.cron"],
      [{ ...contractFlow(), trigger: { type: "schedule", cron: "0 * * * *", timezone: "Mars/Olympus" } }, "trigger.timezone"],
      [{ ...contractFlow(), steps: [{ ...contractFlow().steps[0], key: "trigger" }] }, "steps[0].key"],
      [{ ...contractFlow(), colour: "red" }, "colour"],
      [{ ...contractFlow(), steps: [{ key: "s", type: "teleport" }] }, "steps[0].type"],
      [
        { ...contractFlow(), steps: [{ ...contractFlow().steps[0], input: { method: "POST", url: "https://x.example.com", body: { a: "{{ $uppercase( }}" } } }] },
        "steps[0].input.body.a",
      ],
      [{ ...contractFlow(), steps: [{ key: "f", type: "filter", condition: "trigger.constructor" }] }, "steps[0].condition"],
    ];
    for (const [body, field] of cases) {
      const result = await call(create, key, { method: "POST", body });
      expect(result.status, JSON.stringify(body)).toBe(400);
      expect(result.body.error.field, JSON.stringify(result.body)).toBe(field);
    }
    expect((await call(list, key)).body.data.length).toBe(before);
  });

  it("an edit is a new version; the old one is kept", async () => {
    const edited = { ...contractFlow(), name: "Orders to ledger v2" };
    delete (edited.trigger as { signature?: unknown }).signature;
    const saved = await call(putFlow, key, { method: "PUT", params: { id: flowId }, body: edited });
    expect(saved.body).toMatchObject({ version: 2, name: "Orders to ledger v2" });
    const versions = await handle.db.select().from(flowVersions).where(eq(flowVersions.flowId, flowId));
    expect(versions.map((v) => v.version).sort()).toEqual([1, 2]);
  });

  it("activates, deactivates, exports and imports", async () => {
    expect((await call(deactivate, key, { method: "POST", params: { id: flowId } })).body.active).toBe(false);
    expect((await call(activate, key, { method: "POST", params: { id: flowId } })).body.active).toBe(true);
    const exported = await call(exportFlow, key, { params: { id: flowId } });
    expect(exported.body).toMatchObject({ name: "Orders to ledger v2", active: true, steps: [{ key: "post" }] });
    expect(exported.body.id).toBeUndefined();
    const imported = await call(create, key, { method: "POST", body: exported.body });
    expect(imported.status).toBe(201);
    expect(imported.body.id).not.toBe(flowId);
  });

  it("runs by hand: 202 with the execution id, readable in the public contract's shape", async () => {
    const run = await call(runFlow, key, { method: "POST", params: { id: flowId }, body: { payload: { id: 7 } }, query: "?dry_run=true" });
    expect(run.status).toBe(202);
    const execution = await call(getExecution, key, { params: { id: run.body.execution_id } });
    expect(execution.status).toBe(200);
    expect(Object.keys(execution.body)).toEqual(
      expect.arrayContaining(["id", "flow_id", "status", "attempt", "next_retry_at", "error_message", "steps"]),
    );
    expect(execution.body.flow_id).toBe(flowId);
  });

  it("viewers read but cannot change; other workspaces see nothing", async () => {
    expect((await call(getFlow, viewerKey, { params: { id: flowId } })).status).toBe(200);
    expect((await call(create, viewerKey, { method: "POST", body: contractFlow() })).status).toBe(403);
    expect((await call(runFlow, viewerKey, { method: "POST", params: { id: flowId }, body: {} })).status).toBe(403);
    expect((await call(getFlow, strangerKey, { params: { id: flowId } })).status).toBe(404);
    expect((await call(runFlow, strangerKey, { method: "POST", params: { id: flowId }, body: {} })).status).toBe(404);
    expect((await call(remove, strangerKey, { method: "DELETE", params: { id: flowId } })).status).toBe(404);
    expect((await call(list, strangerKey)).body.data).toEqual([]);
  });

  it("an active schedule gets its next run, spread by the flow's own offset", async () => {
    const { nextRunAt, scheduleOffsetSeconds } = await import("@/lib/scheduler/schedule");
    const before = new Date();
    const created = await call(create, key, {
      method: "POST",
      body: { name: "Hourly digest", active: true, trigger: { type: "schedule", cron: "0 * * * *" }, steps: [] },
    });
    expect(created.status).toBe(201);
    const next = new Date(created.body.next_run_at);
    expect(next.getTime()).toBe(nextRunAt("0 * * * *", "UTC", created.body.id, before)?.getTime());
    expect(next.getUTCMinutes() * 60 + next.getUTCSeconds()).toBe(scheduleOffsetSeconds("0 * * * *", created.body.id));
  });

  it("never answers the signing secret", () => {
    for (const body of bodies) expect(body).not.toContain(SECRET);
  });
});
