import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PATCH as patchWorkspace } from "@/app/api/v1/workspace/route";
import { createChannel, deleteChannel, setChannelActive } from "@/lib/alerts/channels";
import { callRoute } from "@/lib/api/testing";
import type { Actor } from "@/lib/auth/types";
import { createConnection, revokeConnection, updateConnection } from "@/lib/connections/manage-connections";
import { createApiKey } from "@/lib/db/queries/api-keys";
import { ensureAuthUser } from "@/lib/db/queries/users";
import { createWorkspace } from "@/lib/db/queries/workspaces";
import { auditEvents, workspaceMembers } from "@/lib/db/schema";
import { withUser } from "@/lib/db/scope";
import { engineFixture, type EngineFixture } from "@/lib/engine/testing/engine-fixture";
import { createFlow, deleteFlow, setFlowActive, updateFlow } from "@/lib/flows/flow-store";
import { changeMemberRole, inviteMember, removeMember } from "@/lib/workspaces/manage-members";
import { updateWorkspaceSettings } from "@/lib/workspaces/update-workspace";
import { auditDetail, auditTargetHref } from "./actions";
import { decodeAuditCursor, listAuditEvents } from "./list-audit";
import { recordAudit } from "./record-audit";

// Every mutation path that records an audit event, on a real database (PGlite, or the server
// named by TEST_DATABASE_URL): the event is written with the change, by whom, about what;
// members read the log, viewers and other workspaces cannot.

let f: EngineFixture;
let viewer: Actor;
let member: Actor;
let stranger: Actor;
let ownerKey: string;

const asOwner = <T>(fn: Parameters<typeof withUser<T>>[1]) => withUser({ userId: f.actor.userId, email: f.actor.email }, fn);
const latest = async () => (await asOwner((tx) => listAuditEvents(tx, f.actor.workspaceId, { limit: 100 }))).events;

beforeAll(async () => {
  f = await engineFixture();
  const people = ["viewer@example.com", "member@example.com", "stranger@example.com"].map((email) => ({ id: randomUUID(), email }));
  for (const p of people) await ensureAuthUser(f.handle.db, p);
  await f.handle.db.insert(workspaceMembers).values([
    { workspaceId: f.actor.workspaceId, userId: people[0].id, role: "viewer" },
    { workspaceId: f.actor.workspaceId, userId: people[1].id, role: "member" },
  ]);
  const other = await createWorkspace(f.handle.db, { name: "Globex", ownerId: people[2].id });
  viewer = { workspaceId: f.actor.workspaceId, userId: people[0].id, email: people[0].email, role: "viewer" };
  member = { workspaceId: f.actor.workspaceId, userId: people[1].id, email: people[1].email, role: "member" };
  stranger = { workspaceId: other.id, userId: people[2].id, email: people[2].email, role: "owner" };
  ownerKey = (await createApiKey(f.handle.db, { workspaceId: f.actor.workspaceId, name: "ci", createdBy: f.actor.userId })).key;
});

afterAll(async () => {
  await f.close();
});

describe("audit events of each mutation", () => {
  it("flows: created, updated (with version), activated, deactivated, deleted", async () => {
    const definition = { name: "Orders", trigger: { type: "manual" }, steps: [] };
    const { row } = await createFlow(member, definition);
    await updateFlow(member, row.id, { ...definition, name: "Orders v2" });
    await setFlowActive(member, row.id, true);
    await setFlowActive(member, row.id, false);
    await deleteFlow(member, row.id);
    const events = (await latest()).filter((e) => e.targetId === row.id).reverse();
    expect(events.map((e) => [e.action, e.targetName, e.details.version ?? null])).toEqual([
      ["flow.created", "Orders", 1],
      ["flow.updated", "Orders v2", 2],
      ["flow.activated", "Orders v2", null],
      ["flow.deactivated", "Orders v2", null],
      ["flow.deleted", "Orders v2", null],
    ]);
    expect(new Set(events.map((e) => e.actorLabel))).toEqual(new Set(["member@example.com"]));
    expect(events[0].actorUserId).toBe(member.userId);
    expect(auditTargetHref("flow.updated", "flow", row.id)).toBe(`/flows/${row.id}`);
    expect(auditTargetHref("flow.deleted", "flow", row.id)).toBeNull();
  });

  it("connections: created, renamed, revoked", async () => {
    const created = await createConnection(member, {
      connector: "http",
      name: "Ledger",
      auth_type: "none",
      credentials: { base_url: f.sink.origin },
      validate: false,
    });
    await updateConnection(member, created.id, { name: "Ledger (prod)" });
    await revokeConnection(member, created.id);
    const events = (await latest()).filter((e) => e.targetId === created.id).reverse();
    expect(events.map((e) => [e.action, e.targetName])).toEqual([
      ["connection.created", "Ledger"],
      ["connection.renamed", "Ledger (prod)"],
      ["connection.revoked", "Ledger (prod)"],
    ]);
    expect(auditDetail("connection.renamed", events[1].details)).toBe("Ledger → Ledger (prod)");
  });

  it("notification channels: created, updated (disabled), deleted", async () => {
    const channel = await createChannel(f.actor, { kind: "webhook", name: "Pager", url: `${f.sink.origin}/hook` });
    await setChannelActive(f.actor, channel.id, false);
    await deleteChannel(f.actor, channel.id);
    const events = (await latest()).filter((e) => e.targetId === channel.id).reverse();
    expect(events.map((e) => e.action)).toEqual(["notification_channel.created", "notification_channel.updated", "notification_channel.deleted"]);
    expect(auditDetail("notification_channel.updated", events[1].details)).toBe("disabled");
    // Nothing secret is recorded.
    expect(JSON.stringify(events)).not.toContain(channel.signing_secret);
  });

  it("workspace: renamed and retention changed, from a page and through the API with a key", async () => {
    await asOwner((tx) => updateWorkspaceSettings(tx, f.actor, { name: "Acme", retentionDays: 90 }));
    // Unchanged values record nothing.
    await asOwner((tx) => updateWorkspaceSettings(tx, f.actor, { name: "Acme", retentionDays: 90 }));
    const viaKey = await callRoute(patchWorkspace, ownerKey, { method: "PATCH", body: { retention_days: 14 } });
    expect(viaKey.status).toBe(200);
    const events = (await latest()).filter((e) => e.targetType === "workspace");
    const rows = events.map((e) => [e.action, e.actorLabel, auditDetail(e.action, e.details)]);
    expect(rows[0]).toEqual(["workspace.retention_changed", `API key ${ownerKey.slice(0, 12)}`, "90 days → 14 days"]);
    // The page's two changes were one statement apart in one transaction.
    expect(rows.slice(1)).toHaveLength(2);
    expect(rows.slice(1)).toEqual(
      expect.arrayContaining([
        ["workspace.retention_changed", "engine@example.com", "30 days → 90 days"],
        ["workspace.renamed", "engine@example.com", "Engine → Acme"],
      ]),
    );
    // The key acts as the member who made it: their id, with the key in the label.
    expect(events[0].actorUserId).toBe(f.actor.userId);
    await expect(asOwner((tx) => updateWorkspaceSettings(tx, member, { retentionDays: 5 }))).rejects.toThrow(/Only admins/);
  });

  it("members: invited, role changed, removed; a refused change records nothing", async () => {
    const invitee = { id: randomUUID(), email: "new@example.com" };
    await ensureAuthUser(f.handle.db, invitee);
    const asked: string[] = [];
    await inviteMember(f.actor, { email: "New@Example.com", role: "member" }, async (email) => {
      asked.push(email);
      return { userId: invitee.id };
    });
    expect(asked).toEqual(["new@example.com"]);
    await changeMemberRole(f.actor, invitee.id, "admin");
    await removeMember(f.actor, invitee.id);
    const before = (await latest()).length;
    // The only owner cannot be demoted, and a member cannot manage members.
    await expect(changeMemberRole(f.actor, f.actor.userId, "admin")).rejects.toThrow(/needs an owner/);
    await expect(removeMember(member, viewer.userId)).rejects.toThrow(/Only admins/);
    expect((await latest()).length).toBe(before);
    const events = (await latest()).filter((e) => e.targetId === invitee.id).reverse();
    expect(events.map((e) => [e.action, e.targetName, auditDetail(e.action, e.details)])).toEqual([
      ["member.invited", "new@example.com", "as member"],
      ["member.role_changed", "new@example.com", "member → admin"],
      ["member.removed", "new@example.com", null],
    ]);
  });

  it("an admin cannot make an owner; only owners can", async () => {
    const admin: Actor = { ...member, role: "admin" };
    await expect(changeMemberRole(admin, viewer.userId, "owner")).rejects.toThrow(/Only owners/);
    await changeMemberRole(f.actor, viewer.userId, "owner");
    await changeMemberRole(f.actor, viewer.userId, "viewer");
    const events = (await latest()).filter((e) => e.targetId === viewer.userId);
    expect(events.map((e) => auditDetail(e.action, e.details))).toEqual(["owner → viewer", "viewer → owner"]);
  });
});

describe("reading the audit log", () => {
  it("members and above read it; viewers and other workspaces read nothing, and cannot write", async () => {
    const asMember = await withUser({ userId: member.userId }, (tx) => listAuditEvents(tx, f.actor.workspaceId));
    expect(asMember.events.length).toBeGreaterThan(0);
    const asViewer = await withUser({ userId: viewer.userId }, (tx) => listAuditEvents(tx, f.actor.workspaceId));
    expect(asViewer.events).toEqual([]);
    const asStranger = await withUser({ userId: stranger.userId }, (tx) => listAuditEvents(tx, f.actor.workspaceId));
    expect(asStranger.events).toEqual([]);
    await expect(
      withUser({ userId: viewer.userId }, (tx) => recordAudit(tx, viewer, { action: "flow.created", targetType: "flow" })),
    ).rejects.toThrow();
    await expect(
      withUser({ userId: stranger.userId }, (tx) => recordAudit(tx, { ...stranger, workspaceId: f.actor.workspaceId }, { action: "flow.created", targetType: "flow" })),
    ).rejects.toThrow();
    // A member may write events only in their own name (as the app does), not in the owner's.
    await expect(
      withUser({ userId: member.userId }, (tx) => recordAudit(tx, { ...member, userId: f.actor.userId }, { action: "flow.deleted", targetType: "flow" })),
    ).rejects.toThrow();
    await withUser({ userId: member.userId }, (tx) => recordAudit(tx, member, { action: "flow.created", targetType: "flow" }));
  });

  it("pages newest first by keyset, without gaps or repeats, even for events of one transaction", async () => {
    const { id: workspaceId } = await createWorkspace(f.handle.db, { name: "Paged", ownerId: f.actor.userId });
    const actor: Actor = { ...f.actor, workspaceId };
    await withUser({ userId: actor.userId }, async (tx) => {
      for (let i = 0; i < 30; i += 1) await recordAudit(tx, actor, { action: "flow.created", targetType: "flow", targetName: `flow ${i}` });
    });
    const first = await withUser({ userId: actor.userId }, (tx) => listAuditEvents(tx, workspaceId, { limit: 25 }));
    expect(first.events).toHaveLength(25);
    expect(first.nextCursor).not.toBeNull();
    const second = await withUser({ userId: actor.userId }, (tx) => listAuditEvents(tx, workspaceId, { limit: 25, before: first.nextCursor }));
    expect(second.nextCursor).toBeNull();
    const all = [...first.events, ...second.events];
    expect(new Set(all.map((e) => e.id)).size).toBe(30);
    expect(new Set(all.map((e) => e.targetName))).toEqual(new Set(Array.from({ length: 30 }, (_, i) => `flow ${i}`)));
    const times = all.map((e) => e.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    // A cursor this module did not make is ignored (the first page).
    expect(decodeAuditCursor("not-a-cursor")).toBeNull();
    const bogus = await withUser({ userId: actor.userId }, (tx) => listAuditEvents(tx, workspaceId, { before: "not-a-cursor" }));
    expect(bogus.events.map((e) => e.id)).toEqual(first.events.map((e) => e.id));
    expect(await f.handle.db.$count(auditEvents)).toBeGreaterThan(30);
  });
});
