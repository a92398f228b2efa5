import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import type { Role, Session } from "@/lib/auth/types";
import { ensureAuthUser } from "@/lib/db/queries/users";
import { auditEvents, connections, flows, workspaceMembers } from "@/lib/db/schema";
import { engineFixture, type EngineFixture } from "@/lib/engine/testing/engine-fixture";

// "Use template" as the dialog calls it, with a session of each role on a real database.

let session: Session;
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("@/lib/auth/session", () => ({ requireSession: async () => session }));
const { createFlowFromTemplateAction } = await import("./actions");

let f: EngineFixture;
const viewer = { id: randomUUID(), email: "viewer@example.com" };
let http: string;
let slack: string;

function signIn(role: Role) {
  const user = role === "viewer" ? viewer : { id: f.actor.userId, email: f.actor.email };
  const workspace = { id: f.actor.workspaceId, name: "Engine", role };
  session = { mode: "supabase", user, workspace, workspaces: [workspace] };
}

beforeAll(async () => {
  f = await engineFixture();
  await ensureAuthUser(f.handle.db, viewer);
  await f.handle.db.insert(workspaceMembers).values({ workspaceId: f.actor.workspaceId, userId: viewer.id, role: "viewer" });
  const rows = await f.handle.db
    .insert(connections)
    .values([
      { workspaceId: f.actor.workspaceId, connector: "http", name: "API", status: "active", metadata: {} },
      { workspaceId: f.actor.workspaceId, connector: "slack", name: "Slack", status: "active", metadata: {} },
    ])
    .returning({ id: connections.id });
  [http, slack] = rows.map((r) => r.id);
});

afterAll(async () => {
  await f.close();
});

describe("createFlowFromTemplateAction", () => {
  it("refuses viewers, unknown templates and malformed choices", async () => {
    signIn("viewer");
    expect(await createFlowFromTemplateAction("webhook-to-rest-api", { api: http })).toEqual({ ok: false, error: "Viewers cannot create flows." });
    signIn("member");
    expect(await createFlowFromTemplateAction("no-such-template", { api: http })).toEqual({ ok: false, error: "There is no such template." });
    expect(await createFlowFromTemplateAction("webhook-to-rest-api", { api: "not-an-id" })).toMatchObject({ ok: false, field: "connections.api" });
  });

  it("refuses a connection of the wrong connector with a clear error", async () => {
    signIn("member");
    expect(await createFlowFromTemplateAction("webhook-to-rest-api", { api: slack })).toEqual({
      ok: false,
      error: "“Slack” is a Slack connection; “REST API (HTTP connection with its base URL)” needs a HTTP connection.",
      field: "connections.api",
    });
  });

  it("creates the flow inactive and records who did", async () => {
    signIn("member");
    const result = await createFlowFromTemplateAction("webhook-to-rest-api", { api: http });
    expect(result.ok).toBe(true);
    const [row] = await f.handle.db.select().from(flows).where(eq(flows.id, result.flowId!));
    expect(row).toMatchObject({ name: "Webhook → REST API", isActive: false, triggerType: "webhook" });
    const [event] = await f.handle.db.select().from(auditEvents).where(eq(auditEvents.targetId, row.id));
    expect(event).toMatchObject({ action: "flow.created", actorLabel: "engine@example.com", details: { version: 1 } });
  });
});
