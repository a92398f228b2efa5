import { randomUUID } from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dedupKeys, executionSteps, executions, webhookEvents, workspaces } from "@/lib/db/schema";
import { openTestDatabase, testingOnServer } from "@/lib/db/testing";
import type { DatabaseHandle } from "@/lib/db/types";
import { enqueueExecution } from "@/lib/engine/queue";
import { purgeExpiredData } from "./retention";
import { scheduleFlow, schedulerWorkspace } from "./testing";

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await openTestDatabase();
}, 60_000);

afterAll(async () => {
  await handle?.close();
});

const DAY = 86_400_000;

describe(`retention purge (${testingOnServer() ? "PostgreSQL" : "PGlite"})`, () => {
  it("deletes a 1-day workspace's old finished executions (steps cascade) and events; keeps recent ones and other workspaces'", async () => {
    const short = await schedulerWorkspace(handle.db, "Short");
    const normal = await schedulerWorkspace(handle.db, "Normal");
    await handle.db.update(workspaces).set({ retentionDays: 1 }).where(eq(workspaces.id, short.workspaceId));
    const shortFlow = await scheduleFlow(handle.db, short, { active: false });
    const normalFlow = await scheduleFlow(handle.db, normal, { active: false });

    const make = async (workspaceId: string, flowId: string, ageMs: number, status: "succeeded" | "queued" = "succeeded") => {
      const row = await enqueueExecution(handle.db, { workspaceId, flowId, flowVersion: 1, triggerType: "manual", payload: {} });
      await handle.db.update(executions).set({ status, createdAt: new Date(Date.now() - ageMs) }).where(eq(executions.id, row.id));
      await handle.db.insert(executionSteps).values({ workspaceId, executionId: row.id, stepKey: "shape", position: 0, status: "succeeded" });
      return row.id;
    };
    const oldShort = await make(short.workspaceId, shortFlow, 2 * DAY);
    const oldShortQueued = await make(short.workspaceId, shortFlow, 2 * DAY, "queued");
    const recentShort = await make(short.workspaceId, shortFlow, 2 * 3_600_000);
    const oldNormal = await make(normal.workspaceId, normalFlow, 2 * DAY);
    const veryOldNormal = await make(normal.workspaceId, normalFlow, 31 * DAY);

    const event = async (workspaceId: string, ageMs: number) => {
      const [row] = await handle.db
        .insert(webhookEvents)
        .values({ workspaceId, method: "POST", rawBody: Buffer.from("{}"), receivedAt: new Date(Date.now() - ageMs) })
        .returning();
      return row.id;
    };
    const oldEvent = await event(short.workspaceId, 2 * DAY);
    const recentEvent = await event(short.workspaceId, 3_600_000);
    const otherEvent = await event(normal.workspaceId, 2 * DAY);

    const expiredKey = randomUUID();
    const liveKey = randomUUID();
    await handle.db.insert(dedupKeys).values([
      { workspaceId: short.workspaceId, scope: "test", key: expiredKey, expiresAt: new Date(Date.now() - 1000) },
      { workspaceId: short.workspaceId, scope: "test", key: liveKey, expiresAt: new Date(Date.now() + DAY) },
    ]);

    const report = await purgeExpiredData(handle.db);
    expect(report.executions).toBe(2);
    expect(report.webhookEvents).toBe(1);
    expect(report.dedupKeys).toBeGreaterThanOrEqual(1);

    const left = await handle.db
      .select({ id: executions.id })
      .from(executions)
      .where(inArray(executions.id, [oldShort, oldShortQueued, recentShort, oldNormal, veryOldNormal]));
    expect(left.map((r) => r.id).sort()).toEqual([oldShortQueued, recentShort, oldNormal].sort());
    const steps = await handle.db.select().from(executionSteps).where(inArray(executionSteps.executionId, [oldShort, veryOldNormal]));
    expect(steps).toHaveLength(0);
    const events = await handle.db.select({ id: webhookEvents.id }).from(webhookEvents).where(inArray(webhookEvents.id, [oldEvent, recentEvent, otherEvent]));
    expect(events.map((e) => e.id).sort()).toEqual([recentEvent, otherEvent].sort());
    const keys = await handle.db.select().from(dedupKeys).where(eq(dedupKeys.scope, "test"));
    expect(keys.map((k) => k.key)).toEqual([liveKey]);
  });
});
