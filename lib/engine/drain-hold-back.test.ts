import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { drainQueue } from "./drain";
import { engineFixture, type EngineFixture } from "./testing/engine-fixture";
import { enqueueRuns, reportingFlow } from "./testing/fan-out-fixture";

// A drain told to hold back (the web server, while webhook deliveries crowd its database)
// starts one run at a time, and widens again once it is no longer told to.

let f: EngineFixture;
let flowId: string;
let running = 0;
let most = 0;

beforeAll(async () => {
  f = await engineFixture();
  flowId = await reportingFlow(f);
  // Each run's one call takes 40 ms: runs started together overlap at the sink.
  f.respond((_req, res) => {
    running += 1;
    most = Math.max(most, running);
    setTimeout(() => {
      running -= 1;
      res.writeHead(200, { "content-type": "application/json" });
      res.end('{"ok":true}');
    }, 40);
  });
});
afterAll(async () => {
  await f.close();
});

const statuses = (ids: string[]) => Promise.all(ids.map(async (id) => (await f.execution(id)).status));

describe("drainQueue with holdBack", () => {
  it("runs one execution at a time while held back, and all of them", async () => {
    const ids = await enqueueRuns(f, flowId, 6);
    most = 0;
    const report = await drainQueue(f.handle.db, { concurrency: 4, budgetMs: 20_000, holdBack: () => true });
    expect(report.ran).toBe(6);
    expect(most).toBe(1);
    expect(await statuses(ids)).toEqual(Array(6).fill("succeeded"));
  });

  it("widens to its concurrency when not held back, and again as soon as holding back ends", async () => {
    most = 0;
    await enqueueRuns(f, flowId, 8);
    await drainQueue(f.handle.db, { concurrency: 4, budgetMs: 20_000, holdBack: () => false });
    expect(most).toBe(4);

    most = 0;
    const ids = await enqueueRuns(f, flowId, 8);
    let held = true;
    setTimeout(() => (held = false), 100);
    const report = await drainQueue(f.handle.db, { concurrency: 4, budgetMs: 20_000, holdBack: () => held });
    expect(report.ran).toBe(8);
    expect(most).toBe(4);
    expect(await statuses(ids)).toEqual(Array(8).fill("succeeded"));
  });

  it("held-back workers stop when the queue is empty instead of waiting out the budget", async () => {
    await enqueueRuns(f, flowId, 1);
    const started = Date.now();
    const report = await drainQueue(f.handle.db, { concurrency: 4, budgetMs: 20_000, holdBack: () => true });
    expect(report.ran).toBe(1);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
