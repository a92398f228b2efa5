import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/types";
import { openTestDatabase } from "@/lib/db/testing";
import type { DatabaseHandle } from "@/lib/db/types";
import { resetEnvCache } from "@/lib/env";
import { disableFanOut, enableFanOut, TEST_CRON_SECRET } from "@/lib/engine/testing/fan-out-fixture";
import { startRunRouteServer } from "@/lib/engine/testing/run-route-server";
import { executionsOf, flowRow, scheduleFlow, schedulerWorkspace } from "@/lib/scheduler/testing";
import { resetPurgeClock } from "@/lib/scheduler/tick";
import { GET, maxDuration } from "./route";

const SECRET = "a-cron-secret-of-32-characters!!";
let handle: DatabaseHandle;
let actor: Actor;

beforeAll(async () => {
  handle = await openTestDatabase();
  actor = await schedulerWorkspace(handle.db);
}, 60_000);

afterEach(() => {
  delete process.env.CRON_SECRET;
  resetEnvCache();
});

afterAll(async () => {
  await handle?.close();
});

const tick = (authorization?: string) =>
  GET(new Request("http://localhost/api/cron/tick", { headers: authorization ? { authorization } : {} }));

describe("GET /api/cron/tick", () => {
  it("answers 401 and enqueues nothing without the right bearer secret, or when CRON_SECRET is not set", async () => {
    const flowId = await scheduleFlow(handle.db, actor, { cron: "* * * * *", nextRunAt: new Date(Date.now() - 120_000) });

    delete process.env.CRON_SECRET;
    resetEnvCache();
    const unset = await tick(`Bearer ${SECRET}`);
    expect(unset.status).toBe(401);
    expect((await unset.json()).error.message).toContain("CRON_SECRET is not configured");

    process.env.CRON_SECRET = SECRET;
    resetEnvCache();
    for (const header of [undefined, `Bearer ${SECRET}x`, "Bearer wrong", `Basic ${SECRET}`, SECRET]) {
      const res = await tick(header);
      expect(res.status).toBe(401);
      expect(res.headers.get("www-authenticate")).toContain("Bearer");
    }
    expect(await executionsOf(handle.db, flowId)).toHaveLength(0);
  });

  it("with the right secret runs a tick: the due flow is enqueued and run, and the counts come back", async () => {
    process.env.CRON_SECRET = SECRET;
    resetEnvCache();
    resetPurgeClock();
    const flowId = await scheduleFlow(handle.db, actor, { cron: "* * * * *", nextRunAt: new Date(Date.now() - 120_000) });
    const res = await tick(`Bearer ${SECRET}`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ scheduled: expect.any(Number), requeued: 0, retried: 0, ran: expect.any(Number) });
    expect(body.scheduled).toBeGreaterThanOrEqual(1);
    expect(body.purged).toMatchObject({ executions: expect.any(Number) });
    const runs = await executionsOf(handle.db, flowId);
    expect(runs).toHaveLength(1);
    expect(runs[0].status).toBe("succeeded");
    expect((await flowRow(handle.db, flowId)).nextRunAt!.getTime()).toBeGreaterThan(Date.now() - 1000);
    expect(maxDuration).toBeLessThanOrEqual(60);
  });

  it("with JUNCTION_FANOUT=on hands the due run to the internal run route and says so, running nothing itself", async () => {
    const route = await startRunRouteServer();
    try {
      enableFanOut(route.origin);
      const flowId = await scheduleFlow(handle.db, actor, { cron: "* * * * *", nextRunAt: new Date(Date.now() - 120_000) });
      const res = await tick(`Bearer ${TEST_CRON_SECRET}`);
      expect(res.status).toBe(200);
      const body = await res.json();
      expect(body).toMatchObject({ ran: 0, dispatchFailed: 0 });
      expect(body.dispatched).toBeGreaterThanOrEqual(1);
      expect(route.requests.length).toBe(body.dispatched + body.declined);
      await route.settled();
      const runs = await executionsOf(handle.db, flowId);
      expect(runs.map((r) => r.status)).toEqual(["succeeded"]);
    } finally {
      disableFanOut();
      await route.close();
    }
  });
});
