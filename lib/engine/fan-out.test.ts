import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { inArray } from "drizzle-orm";
import { executions } from "@/lib/db/schema";
import { startTestServer, unusedPort } from "@/lib/http/test-server";
import { runTick, summarizeTick } from "@/lib/scheduler/tick";
import { dispatchExecutions } from "./fan-out";
import { fanOutTarget, type FanOutTarget } from "./fan-out-target";
import { engineFixture, type EngineFixture } from "./testing/engine-fixture";
import { disableFanOut, enableFanOut, enqueueRuns, holdSinkAnswers, reportingFlow, sinkCallsPerExecution } from "./testing/fan-out-fixture";
import { startRunRouteServer, type RunRouteServer } from "./testing/run-route-server";

// Fan-out end to end over real HTTP: ticks POST to the internal run route served on
// 127.0.0.1, whose runs call the fixture's sink; the sink counts runs per execution.

let f: EngineFixture;
let route: RunRouteServer;
let target: FanOutTarget;
let flowId: string;

beforeAll(async () => {
  f = await engineFixture();
  route = await startRunRouteServer();
  flowId = await reportingFlow(f);
});
afterAll(async () => {
  await route?.close();
  disableFanOut();
  await f.close();
});
beforeEach(() => {
  f.sink.requests.length = 0;
  enableFanOut(route.origin);
  target = fanOutTarget()!;
});
afterEach(() => disableFanOut());

const statuses = async (ids: string[]) =>
  (await f.handle.db.select({ status: executions.status, leaseOwner: executions.leaseOwner }).from(executions).where(inArray(executions.id, ids)));

const tick = (fanOut: FanOutTarget) => runTick(f.handle.db, { fanOut, purge: false });

describe("fan-out", () => {
  it("a tick dispatches each queued execution to the run route and returns without waiting for the runs", async () => {
    const ids = await enqueueRuns(f, flowId, 5);
    const release = holdSinkAnswers(f);

    const report = await tick(target);
    expect(report).toMatchObject({ dispatched: 5, declined: 0, dispatchFailed: 0, ran: 0 });
    expect(summarizeTick(report)).toContain("dispatched 5");
    // The runs are still waiting on the sink: the tick did not wait for them.
    expect((await statuses(ids)).every((s) => s.status === "running")).toBe(true);

    release();
    await route.settled();
    expect((await statuses(ids)).map((s) => s.status)).toEqual(Array(5).fill("succeeded"));
    expect(sinkCallsPerExecution(f)).toEqual(new Map(ids.map((id) => [id, 1])));
    expect(await tick(target)).toMatchObject({ dispatched: 0, dispatchFailed: 0 });
  });

  it("a kick's dispatch sends exactly the executions it is given", async () => {
    const ids = await enqueueRuns(f, flowId, 3);
    expect(await dispatchExecutions(ids.slice(0, 2), target)).toEqual({ dispatched: 2, declined: 0, dispatchFailed: 0 });
    await route.settled();
    expect((await statuses(ids)).map((s) => s.status).sort()).toEqual(["queued", "succeeded", "succeeded"]);
    expect(await dispatchExecutions(ids.slice(0, 2), target)).toEqual({ dispatched: 0, declined: 2, dispatchFailed: 0 });
    expect(await tick(target)).toMatchObject({ dispatched: 1 });
    await route.settled();
    expect(sinkCallsPerExecution(f)).toEqual(new Map(ids.map((id) => [id, 1])));
  });

  it("a route that does not answer holds a tick only until its budget: calls stop at the deadline and the rest stay queued", async () => {
    const ids = await enqueueRuns(f, flowId, 6);
    const silent = await startTestServer(() => new Promise(() => {}), { lifetimeMs: 30_000 });
    try {
      const report = await runTick(f.handle.db, { fanOut: { ...target, baseUrl: silent.origin }, purge: false, budgetMs: 1_500 });
      // 8 calls may be in flight at once: all 6 started, each cut at the tick's deadline.
      expect(report).toMatchObject({ dispatched: 0, dispatchFailed: 6 });
      expect(await statuses(ids)).toEqual(Array(6).fill({ status: "queued", leaseOwner: null }));

      const few = await dispatchExecutions(ids, { ...target, baseUrl: silent.origin }, { concurrency: 2, deadline: Date.now() + 1_000 });
      expect(few, "two calls in flight until the deadline; none started after it").toMatchObject({ dispatched: 0, dispatchFailed: 2 });
      expect(silent.requests).toHaveLength(8);
    } finally {
      await silent.close();
    }
    expect(await tick(target)).toMatchObject({ dispatched: 6 });
    await route.settled();
  });

  it("a 503, another app's 404 or a server that is down leaves the executions queued; the next tick runs them once", async () => {
    const ids = await enqueueRuns(f, flowId, 3);
    const unavailable = await startTestServer((_req, res) => {
      res.writeHead(503, { "content-type": "application/json" });
      res.end('{"error":{"code":"unavailable","message":"try later"}}');
    });
    try {
      const failing = [
        { ...target, baseUrl: unavailable.origin },
        { ...target, baseUrl: `${route.origin}/not-junction` },
        { ...target, baseUrl: `http://127.0.0.1:${await unusedPort()}` },
      ];
      for (const fanOut of failing) {
        const report = await tick(fanOut);
        expect(report).toMatchObject({ dispatched: 0, declined: 0, dispatchFailed: 3, ran: 0 });
        expect(summarizeTick(report)).toContain("3 dispatch(es) failed");
        expect(await statuses(ids)).toEqual(Array(3).fill({ status: "queued", leaseOwner: null }));
      }
      expect(unavailable.requests).toHaveLength(3);
    } finally {
      await unavailable.close();
    }
    expect(f.sink.requests).toHaveLength(0);

    expect(await tick(target)).toMatchObject({ dispatched: 3, dispatchFailed: 0 });
    await route.settled();
    expect((await statuses(ids)).map((s) => s.status)).toEqual(Array(3).fill("succeeded"));
    expect(sinkCallsPerExecution(f)).toEqual(new Map(ids.map((id) => [id, 1])));
  });

  it("several ticks at once dispatching the same queue run every execution exactly once", async () => {
    const ids = await enqueueRuns(f, flowId, 12);
    // The route holds every call until all three ticks have picked the queue and are calling.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const held = await startRunRouteServer({ hold: () => gate });
    try {
      const fanOut = { ...target, baseUrl: held.origin };
      const ticks = Promise.all([tick(fanOut), tick(fanOut), tick(fanOut)]);
      for (let waited = 0; held.requests.length < 24 && waited < 10_000; waited += 20) await new Promise((r) => setTimeout(r, 20));
      expect(held.requests.length).toBe(24); // 8 calls in flight per tick
      release();
      const reports = await ticks;
      await held.settled();
      expect(reports.reduce((sum, r) => sum + r.dispatched, 0)).toBe(12);
      expect(reports.reduce((sum, r) => sum + r.declined, 0)).toBe(24);
      expect(reports.every((r) => r.dispatchFailed === 0 && r.ran === 0)).toBe(true);
    } finally {
      release();
      await held.close();
    }
    expect((await statuses(ids)).map((s) => s.status)).toEqual(Array(12).fill("succeeded"));
    expect(sinkCallsPerExecution(f)).toEqual(new Map(ids.map((id) => [id, 1])));
  });

  it("three dispatchers sending the same executions at once still run each exactly once", async () => {
    // Ticks at once may or may not pick the same rows; these calls surely race for every one.
    const ids = await enqueueRuns(f, flowId, 12);
    const reports = await Promise.all([0, 1, 2].map(() => dispatchExecutions(ids, target, { concurrency: 4 })));
    await route.settled();
    expect(reports.reduce((sum, r) => sum + r.dispatched, 0)).toBe(12);
    expect(reports.reduce((sum, r) => sum + r.declined, 0)).toBe(24);
    expect((await statuses(ids)).map((s) => s.status)).toEqual(Array(12).fill("succeeded"));
    expect(sinkCallsPerExecution(f)).toEqual(new Map(ids.map((id) => [id, 1])));
  });
});
