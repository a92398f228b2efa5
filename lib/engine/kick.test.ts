import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { beginShutdown, settleWork } from "@/lib/shutdown";
import { kickExecutions } from "./kick";
import { engineFixture, type EngineFixture } from "./testing/engine-fixture";
import { disableFanOut, enableFanOut, enqueueRuns, holdSinkAnswers, reportingFlow, sinkCallsPerExecution, untilSinkCalled } from "./testing/fan-out-fixture";
import { startRunRouteServer, type RunRouteServer } from "./testing/run-route-server";

// Kicks, with the caller's own way of running work after its answer (what the production
// server's webhook listener passes; Next's after() is the default): in process, through
// fan-out, and stopped for a shutdown. A shutdown cannot be undone, so it is the last test.

let f: EngineFixture;
let route: RunRouteServer;
let flowId: string;
const deferred: (() => Promise<void>)[] = [];
const defer = (task: () => Promise<void>) => void deferred.push(task);
const runDeferred = () => Promise.all(deferred.splice(0).map((task) => task()));

beforeAll(async () => {
  f = await engineFixture();
  route = await startRunRouteServer();
  flowId = await reportingFlow(f);
});
afterAll(async () => {
  await route.close();
  disableFanOut();
  await f.close();
});
beforeEach(() => {
  f.sink.requests.length = 0;
  deferred.length = 0;
});

describe("kickExecutions", () => {
  it("starts nothing before the caller runs what it deferred, then runs the executions in this process", async () => {
    const ids = await enqueueRuns(f, flowId, 2);
    kickExecutions(ids, defer);
    expect(deferred).toHaveLength(1);
    expect((await f.execution(ids[0])).status).toBe("queued");
    await runDeferred();
    expect(await Promise.all(ids.map(async (id) => (await f.execution(id)).status))).toEqual(["succeeded", "succeeded"]);
    expect(route.requests).toHaveLength(0);
  });

  it("with fan-out on, hands exactly its executions to the run route instead", async () => {
    enableFanOut(route.origin);
    try {
      const [mine, other] = await enqueueRuns(f, flowId, 2);
      kickExecutions([mine], defer);
      await runDeferred();
      await route.settled();
      expect(route.requests.map((r) => r.url)).toEqual([`/api/internal/executions/${mine}/run`]);
      expect(sinkCallsPerExecution(f)).toEqual(new Map([[mine, 1]]));
      expect((await f.execution(other)).status).toBe("queued");
    } finally {
      disableFanOut();
      route.requests.length = 0;
      await f.drain(); // leave the queue empty
    }
  });

  it("a shutdown waits for the runs kicks started, which claim nothing more, and kicks then start nothing", async () => {
    const release = holdSinkAnswers(f);
    const [slow] = await enqueueRuns(f, flowId, 1);
    kickExecutions([slow], defer);
    const running = runDeferred();
    await untilSinkCalled(f);
    expect(f.sink.requests, "the slow run has called out").toHaveLength(1);
    // Queued while the drain is busy: it would be claimed next, were the server not stopping.
    const [later] = await enqueueRuns(f, flowId, 1);

    beginShutdown();
    expect(await settleWork(Date.now() + 100), "gives up at its deadline while a run is in flight").toBe(false);
    let settled = false;
    const settling = settleWork(Date.now() + 10_000).then((all) => (settled = all));
    await new Promise((r) => setTimeout(r, 100));
    expect(settled, "waits while a run is in flight").toBe(false);
    release();
    await settling;
    expect(settled).toBe(true);
    await running;
    const statuses = [(await f.execution(slow)).status, (await f.execution(later)).status];
    expect(statuses, "the run in flight finished; the other was not claimed").toEqual(["succeeded", "queued"]);

    kickExecutions([later], defer);
    await runDeferred();
    expect((await f.execution(later)).status).toBe("queued");
  });
});
