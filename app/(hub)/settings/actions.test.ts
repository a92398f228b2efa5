import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import type { Role, Session } from "@/lib/auth/types";
import { ensureAuthUser } from "@/lib/db/queries/users";
import { auditEvents, workspaceMembers, workspaces } from "@/lib/db/schema";
import { engineFixture, type EngineFixture } from "@/lib/engine/testing/engine-fixture";

// The settings page's server actions on a real database with a signed-in session of each
// role: what they refuse (bad input, too low a role) and what they change and record.

let session: Session;
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => undefined, set: () => {} }),
  headers: async () => new Headers({ host: "127.0.0.1:3000" }),
}));
vi.mock("@/lib/auth/session", () => ({ requireSession: async () => session, WORKSPACE_COOKIE: "junction_workspace" }));

const { createApiKeyAction, revokeApiKeyAction, updateRetentionAction } = await import("./actions");
const { createChannelAction, deleteChannelAction, setChannelActiveAction, testChannelAction } = await import("./channel-actions");
const { changeMemberRoleAction, inviteMemberAction, removeMemberAction } = await import("./member-actions");

let f: EngineFixture;
const people: Record<Exclude<Role, "owner">, { id: string; email: string }> = {
  admin: { id: randomUUID(), email: "admin@example.com" },
  member: { id: randomUUID(), email: "member@example.com" },
  viewer: { id: randomUUID(), email: "viewer@example.com" },
};

function signIn(role: Role) {
  const user = role === "owner" ? { id: f.actor.userId, email: f.actor.email } : people[role];
  const workspace = { id: f.actor.workspaceId, name: "Engine", role };
  session = { mode: "supabase", user, workspace, workspaces: [workspace] };
}

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
}

const lastEvent = async () => {
  const rows = await f.handle.db.select().from(auditEvents).where(eq(auditEvents.workspaceId, f.actor.workspaceId));
  return rows.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
};

beforeAll(async () => {
  f = await engineFixture();
  for (const [role, p] of Object.entries(people)) {
    await ensureAuthUser(f.handle.db, p);
    await f.handle.db.insert(workspaceMembers).values({ workspaceId: f.actor.workspaceId, userId: p.id, role: role as Role });
  }
});

afterAll(async () => {
  await f.close();
});

beforeEach(() => signIn("admin"));

describe("retention", () => {
  it.each([["0"], ["3651"], ["12.5"], ["soon"], [""]])("refuses %j days", async (days) => {
    const result = await updateRetentionAction({ ok: false }, form({ retention_days: days }));
    expect(result).toMatchObject({ ok: false, field: "retention_days" });
    expect(result.error).toMatch(/day/);
  });

  it("refuses members and viewers", async () => {
    for (const role of ["member", "viewer"] as const) {
      signIn(role);
      expect(await updateRetentionAction({ ok: false }, form({ retention_days: "7" }))).toEqual({
        ok: false,
        error: "Only admins and owners can change retention.",
      });
    }
    const [ws] = await f.handle.db.select().from(workspaces).where(eq(workspaces.id, f.actor.workspaceId));
    expect(ws.retentionDays).toBe(30);
  });

  it("saves an admin's change and records it", async () => {
    expect(await updateRetentionAction({ ok: false }, form({ retention_days: "90" }))).toEqual({ ok: true, days: 90 });
    const [ws] = await f.handle.db.select().from(workspaces).where(eq(workspaces.id, f.actor.workspaceId));
    expect(ws.retentionDays).toBe(90);
    expect(await lastEvent()).toMatchObject({ action: "workspace.retention_changed", actorLabel: "admin@example.com", details: { from: 30, to: 90 } });
  });
});

describe("API keys", () => {
  it("records creation and revocation by an admin", async () => {
    const created = await createApiKeyAction({ ok: false }, form({ name: "deploys" }));
    expect(created.ok).toBe(true);
    expect(await lastEvent()).toMatchObject({ action: "api_key.created", targetName: "deploys", details: { prefix: created.prefix } });
    const [row] = await f.handle.db.select().from(auditEvents).where(eq(auditEvents.action, "api_key.created"));
    expect(await revokeApiKeyAction(row.targetId as string)).toEqual({ ok: true });
    expect(await lastEvent()).toMatchObject({ action: "api_key.revoked", targetName: "deploys" });
  });
});

describe("notification channels", () => {
  it("refuses members, and a URL that is not a Slack webhook", async () => {
    signIn("member");
    const refused = await createChannelAction({ ok: false }, form({ kind: "webhook", name: "Hook", url: `${f.sink.origin}/hook` }));
    expect(refused).toMatchObject({ ok: false, error: "Only admins can manage notification channels." });
    signIn("admin");
    const bad = await createChannelAction({ ok: false }, form({ kind: "slack", name: "Ops", webhook_url: "https://example.com/not-slack" }));
    expect(bad).toMatchObject({ ok: false, field: "webhook_url" });
    expect(bad.error).toMatch(/Slack incoming webhook/);
  });

  it("never sends a typed secret back; a webhook's signing secret comes back once and signs the test", async () => {
    const slackUrl = `${f.sink.origin}/slack/services/T000/B000/secretToken123`;
    const slack = await createChannelAction({ ok: false }, form({ kind: "slack", name: "Ops Slack", webhook_url: slackUrl }));
    expect(slack).toEqual({ ok: true, name: "Ops Slack" });
    expect(JSON.stringify(slack)).not.toContain("secretToken123");

    const hook = await createChannelAction({ ok: false }, form({ kind: "webhook", name: "Pager", url: `${f.sink.origin}/hook` }));
    expect(hook.signingSecret).toMatch(/^whsec_/);
    const id = (await lastEvent()).targetId as string;
    expect(await testChannelAction(id)).toEqual({ ok: true, status: 200 });
    const delivered = f.sink.requests.filter((r) => r.url === "/hook").at(-1);
    expect(delivered).toBeDefined();
    const payload = new Webhook(hook.signingSecret!.slice("whsec_".length)).verify(delivered!.body, delivered!.headers as Record<string, string>);
    expect(payload).toMatchObject({ type: "alert.test" });

    expect(await setChannelActiveAction("nope", false)).toMatchObject({ ok: false });
    expect(await setChannelActiveAction(id, false)).toEqual({ ok: true });
    expect(await lastEvent()).toMatchObject({ action: "notification_channel.updated", details: { enabled: false } });
    signIn("member");
    expect(await deleteChannelAction(id)).toMatchObject({ ok: false, error: "Only admins can manage notification channels." });
    signIn("admin");
    expect(await deleteChannelAction(id)).toEqual({ ok: true });
    expect(await lastEvent()).toMatchObject({ action: "notification_channel.deleted", targetName: "Pager" });
  });
});

describe("members", () => {
  it("validates the role and the member id", async () => {
    expect(await changeMemberRoleAction(people.viewer.id, "superuser")).toMatchObject({ ok: false, error: expect.stringMatching(/Pick a role/) });
    expect(await changeMemberRoleAction("not-a-uuid", "member")).toMatchObject({ ok: false, error: expect.stringMatching(/Unknown member/) });
  });

  it("lets admins change roles and remove members, but not members; admins cannot touch owners", async () => {
    signIn("member");
    expect(await changeMemberRoleAction(people.viewer.id, "admin")).toMatchObject({ ok: false, error: "Only admins and owners can manage members." });
    signIn("admin");
    expect(await changeMemberRoleAction(f.actor.userId, "viewer")).toMatchObject({ ok: false, error: "Only owners can make, change or remove an owner." });
    expect(await changeMemberRoleAction(people.viewer.id, "owner")).toMatchObject({ ok: false, error: "Only owners can make, change or remove an owner." });
    expect(await changeMemberRoleAction(people.viewer.id, "member")).toEqual({ ok: true });
    expect(await lastEvent()).toMatchObject({ action: "member.role_changed", targetName: "viewer@example.com", details: { from: "viewer", to: "member" } });
    expect(await removeMemberAction(people.viewer.id)).toEqual({ ok: true });
    expect(await lastEvent()).toMatchObject({ action: "member.removed", targetName: "viewer@example.com" });
  });

  it("says invitations need Supabase Auth in local mode, and validates the email first", async () => {
    expect(await inviteMemberAction({ ok: false }, form({ email: "not an email", role: "member" }))).toMatchObject({ ok: false, field: "email" });
    const result = await inviteMemberAction({ ok: false }, form({ email: "new@example.com", role: "member" }));
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/^Invitations need Supabase Auth/) });
  });
});
