// The rollup behind the dashboard and the health page is kept by a trigger on executions:
// each execution is counted once, when it reaches a final status, whoever put it there.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { ensureAuthUser } from "./queries/users";
import { createWorkspace } from "./queries/workspaces";
import { executions, flowHourlyStats, flows } from "./schema";
import { withUser } from "./scope";
import { openTestDatabase } from "./testing";
import type { DatabaseHandle } from "./types";

let handle: DatabaseHandle;
const owner = { id: randomUUID(), email: "stats@example.com" };
let workspaceId: string;
let flowId: string;

beforeAll(async () => {
  handle = await openTestDatabase();
  await ensureAuthUser(handle.db, owner);
  workspaceId = (await createWorkspace(handle.db, { name: "Stats", ownerId: owner.id })).id;
  [{ id: flowId }] = await handle.db
    .insert(flows)
    .values({ workspaceId, name: "Counted", triggerType: "manual", trigger: { type: "manual" } })
    .returning({ id: flows.id });
});
afterAll(() => handle?.close());

async function newExecution(values: Partial<typeof executions.$inferInsert> = {}) {
  const [row] = await handle.db
    .insert(executions)
    .values({ workspaceId, flowId, flowVersion: 1, triggerType: "manual", ...values })
    .returning({ id: executions.id });
  return row.id;
}

/** The hour's counts summed over its shards, or undefined when nothing was counted in it. */
async function stats(hour: string) {
  const rows = await handle.db
    .select()
    .from(flowHourlyStats)
    .where(and(eq(flowHourlyStats.flowId, flowId), eq(flowHourlyStats.hour, new Date(hour))));
  if (rows.length === 0) return undefined;
  const sum = (pick: (r: (typeof rows)[number]) => number) => rows.reduce((total, r) => total + Number(pick(r)), 0);
  return {
    shards: rows.length,
    succeeded: sum((r) => r.succeeded),
    failed: sum((r) => r.failed),
    cancelled: sum((r) => r.cancelled),
    durationMsSum: sum((r) => r.durationMsSum),
    durationCount: sum((r) => r.durationCount),
    recordsProcessed: sum((r) => r.recordsProcessed),
  };
}

describe("flow_hourly_stats", () => {
  it("counts an execution once when it finishes, in the UTC hour it completed", async () => {
    const id = await newExecution();
    const completedAt = new Date("2026-03-01T23:30:00Z");
    expect(await stats("2026-03-01T23:00:00Z")).toBeUndefined();
    await handle.db.update(executions).set({ status: "running" }).where(eq(executions.id, id));
    expect(await stats("2026-03-01T23:00:00Z")).toBeUndefined();
    await handle.db
      .update(executions)
      .set({ status: "succeeded", completedAt, durationMs: 120, recordsProcessed: 7 })
      .where(eq(executions.id, id));
    // Writing the same status again (a late field update) does not count it twice.
    await handle.db.update(executions).set({ status: "succeeded", durationMs: 121 }).where(eq(executions.id, id));
    expect(await stats("2026-03-01T23:00:00Z")).toMatchObject({
      succeeded: 1,
      failed: 0,
      cancelled: 0,
      durationMsSum: 120,
      durationCount: 1,
      recordsProcessed: 7,
    });
  });

  it("adds failures and cancellations to the same hour, inserted or updated", async () => {
    await newExecution({ status: "failed", completedAt: new Date("2026-03-01T23:05:00Z"), durationMs: 30 });
    const id = await newExecution();
    // A user cancelling through the UI runs as `authenticated`, who cannot write the rollup.
    await withUser({ userId: owner.id }, (tx) =>
      tx
        .update(executions)
        .set({ status: "cancelled", completedAt: new Date("2026-03-01T23:59:59Z") })
        .where(eq(executions.id, id)),
    );
    expect(await stats("2026-03-01T23:00:00Z")).toMatchObject({ succeeded: 1, failed: 1, cancelled: 1, durationMsSum: 150, durationCount: 2 });
  });

  it("does not count dry runs or unfinished executions", async () => {
    await newExecution({ status: "succeeded", dryRun: true, completedAt: new Date("2026-03-02T10:00:00Z") });
    await newExecution({ status: "retrying", completedAt: new Date("2026-03-02T10:00:00Z") });
    expect(await stats("2026-03-02T10:00:00Z")).toBeUndefined();
  });

  it("spreads one flow's hour over at most 8 shard rows that add up", async () => {
    for (let i = 0; i < 40; i++) await newExecution({ status: "succeeded", completedAt: new Date("2026-03-03T08:15:00Z"), durationMs: 10 });
    const hour = await stats("2026-03-03T08:00:00Z");
    expect(hour).toMatchObject({ succeeded: 40, durationMsSum: 400, durationCount: 40 });
    expect(hour!.shards).toBeGreaterThan(1);
    expect(hour!.shards).toBeLessThanOrEqual(8);
  });

  it("cannot be written by users directly", async () => {
    const attempt = withUser({ userId: owner.id }, (tx) =>
      tx.execute(sql`insert into flow_hourly_stats (workspace_id, flow_id, hour, succeeded) values (${workspaceId}, ${flowId}, '2026-04-01T00:00:00Z', 5)`),
    );
    await expect(attempt).rejects.toThrow();
    expect(await stats("2026-04-01T00:00:00Z")).toBeUndefined();
  });
});
