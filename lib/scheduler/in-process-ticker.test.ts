import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installDatabase } from "@/lib/db/client";
import { enqueueRuns, holdSinkAnswers, reportingFlow, untilSinkCalled } from "@/lib/engine/testing/fan-out-fixture";
import { engineFixture, type EngineFixture } from "@/lib/engine/testing/engine-fixture";
import { beginShutdown, settleWork } from "@/lib/shutdown";
import { startInProcessTicker } from "./in-process-ticker";

// The embedded server's own ticker: it runs what is queued, and when the server stops it
// starts no tick, claims nothing more, and the shutdown waits for the run in flight.
// A shutdown cannot be undone in a process, so this file has the ticker to itself.

let f: EngineFixture;
let stop: () => void;

beforeAll(async () => {
  f = await engineFixture();
  installDatabase(f.handle);
});
afterAll(async () => {
  stop?.();
  await f.close();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("startInProcessTicker", () => {
  it("runs the queue, and on shutdown finishes its run in flight, then claims and starts nothing", async () => {
    const flowId = await reportingFlow(f);
    const release = holdSinkAnswers(f);
    const [first] = await enqueueRuns(f, flowId, 1);
    stop = startInProcessTicker(50);
    await untilSinkCalled(f);
    expect(f.sink.requests, "the ticker started the run").toHaveLength(1);

    beginShutdown();
    const [second] = await enqueueRuns(f, flowId, 1);
    expect(await settleWork(Date.now() + 200), "the tick in flight is waited for").toBe(false);
    release();
    expect(await settleWork(Date.now() + 10_000)).toBe(true);
    await sleep(300); // six intervals
    expect((await f.execution(first)).status).toBe("succeeded");
    expect((await f.execution(second)).status, "queued after the shutdown began: left for the next start").toBe("queued");
    expect(f.sink.requests).toHaveLength(1);
  });
});
