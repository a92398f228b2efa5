// The dashboard's and the health page's queries on a real database (PGlite, or the server
// named by TEST_DATABASE_URL), read as a user through RLS, with executions inserted the way
// the engine leaves them (the rollup is filled by the database trigger).
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { Actor } from "@/lib/auth/types";
import { ensureAuthUser } from "@/lib/db/queries/users";
import { createWorkspace } from "@/lib/db/queries/workspaces";
import { alerts, connections, executions, flows } from "@/lib/db/schema";
import { withUser } from "@/lib/db/scope";
import { openTestDatabase } from "@/lib/db/testing";
import type { DatabaseHandle } from "@/lib/db/types";
import { createFlow } from "@/lib/flows/flow-store";
import { flowActivity } from "./flow-activity";
import { flowHealthRows } from "./flow-health-rows";
import { onboardingFacts, onboardingSteps } from "./onboarding";
import { recentExecutions } from "./recent-executions";
import { executionsToday, workspaceStats } from "./workspace-stats";

const NOW = new Date("2026-03-30T12:30:00Z");
const HOUR = 3_600_000;
const ago = (hours: number) => new Date(NOW.getTime() - hours * HOUR);

let handle: DatabaseHandle;
const owner = { id: randomUUID(), email: "insights@example.com" };
const stranger = { id: randomUUID(), email: "stranger@example.com" };
let actor: Actor;
let otherWorkspaceId: string;
const ids: Record<"healthy" | "failing" | "shaky" | "paused" | "alerted" | "quiet", string> = {} as never;

const asOwner = <T>(fn: Parameters<typeof withUser<T>>[1]) => withUser({ userId: owner.id, email: owner.email }, fn);

async function flow(name: string, active: boolean, trigger: object, steps: object[]) {
  const saved = await createFlow(actor, { name, active, trigger, steps });
  return saved.row.id;
}

const post = (connector = "http") => ({
  key: `post_${connector.replace("-", "_")}`,
  type: "action",
  connector,
  action: "request",
  connection: null,
  input: { method: "POST", url: "https://example.com/hook" },
});

async function run(flowId: string, status: "succeeded" | "failed" | "cancelled" | "queued" | "running" | "retrying", at: Date, extra: Partial<typeof executions.$inferInsert> = {}) {
  const finished = ["succeeded", "failed", "cancelled"].includes(status);
  await handle.db.insert(executions).values({
    workspaceId: actor.workspaceId,
    flowId,
    flowVersion: 1,
    triggerType: "manual",
    status,
    createdAt: new Date(at.getTime() - 1000),
    completedAt: finished ? at : null,
    durationMs: finished ? 1000 : null,
    ...extra,
  });
}

beforeAll(async () => {
  handle = await openTestDatabase();
  await ensureAuthUser(handle.db, owner);
  await ensureAuthUser(handle.db, stranger);
  actor = { workspaceId: (await createWorkspace(handle.db, { name: "Insights", ownerId: owner.id })).id, userId: owner.id, email: owner.email, role: "owner" };
  otherWorkspaceId = (await createWorkspace(handle.db, { name: "Other", ownerId: stranger.id })).id;

  ids.healthy = await flow("Healthy", true, { type: "webhook", signature: { scheme: "stripe", secret: "whsec_test" } }, [post("http")]);
  ids.failing = await flow("Failing", true, { type: "manual" }, [post()]);
  ids.shaky = await flow("Shaky", true, { type: "schedule", cron: "0 * * * *", timezone: "UTC" }, [post()]);
  ids.paused = await flow("Paused", false, { type: "manual" }, [post()]);
  ids.alerted = await flow("Alerted", true, { type: "manual" }, [post()]);
  ids.quiet = await flow("Quiet", true, { type: "manual" }, [post()]);

  // Healthy: 4 successes in 24 h (one 2 h ago is the latest), one old failure 3 days ago.
  for (const h of [2, 5, 8, 20]) await run(ids.healthy, "succeeded", ago(h), { durationMs: h * 100 });
  await run(ids.healthy, "failed", ago(72));
  // A dry run that failed counts nowhere.
  await run(ids.healthy, "failed", ago(1.5), { dryRun: true });
  // Failing: succeeded, then the latest failed.
  await run(ids.failing, "succeeded", ago(6));
  await run(ids.failing, "failed", ago(3));
  // Shaky: last run succeeded, one waits for a retry.
  await run(ids.shaky, "succeeded", ago(4));
  await run(ids.shaky, "retrying", ago(1));
  // Paused: ran fine yesterday morning, then was paused.
  await run(ids.paused, "succeeded", ago(10));
  // Alerted: runs succeed but an error-rate alert is still open.
  await run(ids.alerted, "succeeded", ago(2));
  await handle.db.insert(alerts).values({
    workspaceId: actor.workspaceId,
    flowId: ids.alerted,
    kind: "error_rate",
    fingerprint: `flow:${ids.alerted}:error_rate`,
    title: "failing often",
    message: "3 of 5 failed",
  });
  // Quiet: its only run is 2 days old; one is queued now.
  await run(ids.quiet, "succeeded", ago(48));
  await run(ids.quiet, "queued", ago(0.1));
  // A cancelled run counts as finished, not as an error.
  await run(ids.quiet, "cancelled", ago(0.5), { durationMs: null });

  await handle.db.insert(connections).values([
    { workspaceId: actor.workspaceId, connector: "slack", name: "Team", status: "active" },
    { workspaceId: actor.workspaceId, connector: "slack", name: "Ops", status: "active" },
    { workspaceId: actor.workspaceId, connector: "stripe", name: "Live", status: "revoked" },
  ]);

  // Another workspace's data must never show.
  const [other] = await handle.db
    .insert(flows)
    .values({ workspaceId: otherWorkspaceId, name: "Theirs", triggerType: "manual", trigger: { type: "manual" }, isActive: true })
    .returning({ id: flows.id });
  await handle.db.insert(executions).values({
    workspaceId: otherWorkspaceId,
    flowId: other.id,
    flowVersion: 1,
    triggerType: "manual",
    status: "failed",
    completedAt: ago(1),
    durationMs: 5,
  });
});
afterAll(() => handle?.close());

describe("workspaceStats", () => {
  it("counts the last 24 hours from the rollup, adds what is under way, and ignores dry runs and other workspaces", async () => {
    const stats = await asOwner((tx) => workspaceStats(tx, actor.workspaceId, NOW));
    expect(stats).toMatchObject({
      flows: 6,
      activeFlows: 5,
      activeConnections: 2,
      connectedServices: 1,
      // healthy 4, failing 1+1, shaky 1, paused 1, alerted 1 (quiet's success is 48 h old)
      succeeded24h: 8,
      failed24h: 1,
      cancelled24h: 1,
      unfinished: 2,
    });
    expect(stats.failureRate).toBeCloseTo(1 / 9);
    // durations: healthy 200+500+800+2000, five others of 1000 ms; the cancelled run has none
    expect(stats.averageDurationMs).toBeCloseTo((3500 + 5 * 1000) / 9);
    expect(executionsToday(stats)).toBe(12);
  });

  it("shows a stranger nothing of the workspace (RLS), even when asked for its id", async () => {
    const stats = await withUser({ userId: stranger.id }, (tx) => workspaceStats(tx, actor.workspaceId, NOW));
    expect(stats).toMatchObject({ flows: 0, succeeded24h: 0, failed24h: 0, unfinished: 0, activeConnections: 0 });
    expect(stats.failureRate).toBeNull();
  });
});

describe("flowHealthRows", () => {
  it("classifies every flow and puts errors first", async () => {
    const rows = await asOwner((tx) => flowHealthRows(tx, actor.workspaceId, NOW));
    expect(rows.map((r) => [r.name, r.health])).toEqual([
      // Errors, newest run first: Shaky's run waits for a retry (1 h ago), Alerted ran 2 h
      // ago, Failing 3 h ago.
      ["Shaky", "error"],
      ["Alerted", "error"],
      ["Failing", "error"],
      ["Healthy", "healthy"],
      // Idle: Quiet's queued run is the newest, Paused ran 10 h ago.
      ["Quiet", "idle"],
      ["Paused", "idle"],
    ]);
    const byName = new Map(rows.map((r) => [r.name, r]));
    expect(byName.get("Failing")).toMatchObject({ succeeded24h: 1, failed24h: 1, errorRate24h: 0.5, lastRunStatus: "failed" });
    expect(byName.get("Alerted")).toMatchObject({ unresolvedAlerts: 1 });
    expect(byName.get("Shaky")).toMatchObject({ retrying: true, lastRunStatus: "retrying" });
    const healthy = byName.get("Healthy")!;
    // The dry run 1.5 h ago is not its last run.
    expect(healthy.lastRunAt?.getTime()).toBe(ago(2).getTime() - 1000);
    expect(healthy.errorRate24h).toBe(0);
    expect(healthy.averageDurationMs).toBe(875);
    expect(healthy.route).toEqual({ source: { kind: "connector", slug: "stripe" }, destinations: ["http"] });
    expect(byName.get("Shaky")!.route.source).toEqual({ kind: "trigger", type: "schedule" });
    expect(byName.get("Quiet")).toMatchObject({ lastRunStatus: "queued", errorRate24h: null });
  });

  it("turns healthy again once the alert is resolved", async () => {
    await handle.db.update(alerts).set({ status: "resolved", resolvedAt: NOW }).where(eq(alerts.flowId, ids.alerted));
    const rows = await asOwner((tx) => flowHealthRows(tx, actor.workspaceId, NOW));
    expect(rows.find((r) => r.name === "Alerted")?.health).toBe("healthy");
  });

  it("lists nothing for a stranger", async () => {
    expect(await withUser({ userId: stranger.id }, (tx) => flowHealthRows(tx, actor.workspaceId, NOW))).toEqual([]);
  });
});

describe("recentExecutions", () => {
  it("lists the newest first with the flow's name, bounded, optionally for one flow", async () => {
    const recent = await asOwner((tx) => recentExecutions(tx, actor.workspaceId, { limit: 3 }));
    expect(recent.map((r) => [r.flowName, r.status])).toEqual([
      ["Quiet", "queued"],
      ["Quiet", "cancelled"],
      ["Shaky", "retrying"],
    ]);
    const failing = await asOwner((tx) => recentExecutions(tx, actor.workspaceId, { flowId: ids.failing }));
    expect(failing.map((r) => r.status)).toEqual(["failed", "succeeded"]);
    expect(failing[0]).toMatchObject({ flowId: ids.failing, durationMs: 1000, triggerType: "manual" });
  });
});

describe("flowActivity", () => {
  it("has the flow's runs and 30 days of daily runs and errors, zero-filled", async () => {
    const activity = await asOwner((tx) => flowActivity(tx, actor.workspaceId, ids.healthy, NOW));
    expect(activity.runs).toHaveLength(6);
    expect(activity.days).toHaveLength(30);
    expect(activity.days[29]).toEqual({ day: "2026-03-30", runs: 3, errors: 0 });
    expect(activity.days[28]).toEqual({ day: "2026-03-29", runs: 1, errors: 0 });
    expect(activity.days[26]).toEqual({ day: "2026-03-27", runs: 1, errors: 1 });
    expect(activity.days.reduce((n, d) => n + d.runs, 0)).toBe(5);
  });
});

describe("onboarding", () => {
  it("checks each step from data: nothing in a new workspace, everything here", async () => {
    const done = await asOwner(async (tx) => onboardingFacts(tx, actor.workspaceId, await workspaceStats(tx, actor.workspaceId, NOW)));
    expect(done).toEqual({ hasConnection: true, hasFlow: true, hasActiveFlow: true, hasFinishedRun: true });

    const fresh = { id: randomUUID(), email: "fresh@example.com" };
    await ensureAuthUser(handle.db, fresh);
    const freshWorkspace = (await createWorkspace(handle.db, { name: "Fresh", ownerId: fresh.id })).id;
    const facts = await withUser({ userId: fresh.id }, async (tx) => onboardingFacts(tx, freshWorkspace, await workspaceStats(tx, freshWorkspace, NOW)));
    expect(facts).toEqual({ hasConnection: false, hasFlow: false, hasActiveFlow: false, hasFinishedRun: false });
    expect(onboardingSteps(facts).map((s) => s.done)).toEqual([false, false, false, false]);
    expect(onboardingSteps({ ...facts, hasConnection: true, hasFlow: true }).map((s) => [s.key, s.done])).toEqual([
      ["connect", true],
      ["create", true],
      ["activate", false],
      ["run", false],
    ]);
  });
});
