import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/types";
import { dedupKeys, flows } from "@/lib/db/schema";
import { openTestDatabase, testingOnServer } from "@/lib/db/testing";
import type { DatabaseHandle } from "@/lib/db/types";
import { enqueueDueSchedules } from "./enqueue-due";
import { latestRunAtOrBefore, nextRunAt } from "./schedule";
import { executionsOf, flowRow, scheduleFlow, schedulerWorkspace } from "./testing";

let handle: DatabaseHandle;
let actor: Actor;

beforeAll(async () => {
  handle = await openTestDatabase();
  actor = await schedulerWorkspace(handle.db);
}, 60_000);

afterAll(async () => {
  await handle?.close();
});

const MIN = 60_000;

describe(`enqueueDueSchedules (${testingOnServer() ? "PostgreSQL" : "PGlite"})`, () => {
  it("a flow 5 slots overdue enqueues exactly one execution, for the latest slot, and next_run_at moves past now", async () => {
    const now = new Date();
    const flowId = await scheduleFlow(handle.db, actor, { cron: "*/5 * * * *", nextRunAt: new Date(now.getTime() - 25 * MIN - 1000) });
    const report = await enqueueDueSchedules(handle.db, now);
    expect(report.scheduled).toBeGreaterThanOrEqual(1);

    const runs = await executionsOf(handle.db, flowId);
    expect(runs).toHaveLength(1);
    const latest = latestRunAtOrBefore("*/5 * * * *", "UTC", flowId, now)!;
    expect(runs[0]).toMatchObject({ status: "queued", triggerType: "schedule", workspaceId: actor.workspaceId });
    expect(runs[0].triggerPayload).toEqual({ body: {}, scheduled_for: latest.toISOString(), headers: {}, query: {} });

    const row = await flowRow(handle.db, flowId);
    expect(row.nextRunAt!.getTime()).toBeGreaterThan(now.getTime());
    expect(row.nextRunAt!.getTime()).toBe(nextRunAt("*/5 * * * *", "UTC", flowId, now)!.getTime());

    const [key] = await handle.db.select().from(dedupKeys).where(eq(dedupKeys.scope, `schedule:${flowId}`));
    expect(key).toMatchObject({ key: latest.toISOString(), executionId: runs[0].id });

    // Nothing more is due now.
    await enqueueDueSchedules(handle.db, now);
    expect(await executionsOf(handle.db, flowId)).toHaveLength(1);
  });

  it("an hourly flow is due at its offset time, not before", async () => {
    const flowId = await scheduleFlow(handle.db, actor, { cron: "0 * * * *" });
    const slot = nextRunAt("0 * * * *", "UTC", flowId, new Date(Date.now() - 3_600_000))!;
    await handleSetNext(flowId, slot);
    await enqueueDueSchedules(handle.db, new Date(slot.getTime() - 1000));
    expect(await executionsOf(handle.db, flowId)).toHaveLength(0);
    await enqueueDueSchedules(handle.db, slot);
    const runs = await executionsOf(handle.db, flowId);
    expect(runs).toHaveLength(1);
    expect((runs[0].triggerPayload as { scheduled_for: string }).scheduled_for).toBe(slot.toISOString());
    expect((await flowRow(handle.db, flowId)).nextRunAt!.getTime()).toBe(slot.getTime() + 3_600_000);
  });

  it("two concurrent calls enqueue a due slot once", async () => {
    const now = new Date();
    const flowIds = await Promise.all(
      Array.from({ length: 5 }, () => scheduleFlow(handle.db, actor, { cron: "* * * * *", nextRunAt: new Date(now.getTime() - MIN) })),
    );
    await Promise.all([enqueueDueSchedules(handle.db, now), enqueueDueSchedules(handle.db, now), enqueueDueSchedules(handle.db, now)]);
    for (const flowId of flowIds) expect(await executionsOf(handle.db, flowId)).toHaveLength(1);
  });

  it("the same slot is never enqueued twice, even if next_run_at is moved back", async () => {
    const now = new Date();
    const due = new Date(now.getTime() - MIN);
    const flowId = await scheduleFlow(handle.db, actor, { cron: "* * * * *", nextRunAt: due });
    await enqueueDueSchedules(handle.db, now);
    await handleSetNext(flowId, due); // e.g. a second ticker that read the row before the first committed
    const report = await enqueueDueSchedules(handle.db, now);
    expect(report.skipped).toBeGreaterThanOrEqual(1);
    expect(await executionsOf(handle.db, flowId)).toHaveLength(1);
    expect((await flowRow(handle.db, flowId)).nextRunAt!.getTime()).toBeGreaterThan(now.getTime());
  });

  it("inactive flows never fire", async () => {
    const now = new Date();
    const flowId = await scheduleFlow(handle.db, actor, { cron: "* * * * *", active: false, nextRunAt: new Date(now.getTime() - 10 * MIN) });
    await enqueueDueSchedules(handle.db, now);
    await enqueueDueSchedules(handle.db, new Date(now.getTime() + 60 * MIN));
    expect(await executionsOf(handle.db, flowId)).toHaveLength(0);
  });
});

async function handleSetNext(flowId: string, at: Date) {
  await handle.db.update(flows).set({ nextRunAt: at }).where(eq(flows.id, flowId));
}
