import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { executions } from "@/lib/db/schema";
import { runBudgetWithin } from "@/lib/engine/fan-out-target";
import { claimExecutions } from "@/lib/engine/queue";
import { engineFixture, type EngineFixture } from "@/lib/engine/testing/engine-fixture";
import {
  disableFanOut,
  enableFanOut,
  enqueueRuns,
  reportingFlow,
  sinkCallsPerExecution,
  TEST_CRON_SECRET,
  TEST_INTERNAL_SECRET,
} from "@/lib/engine/testing/fan-out-fixture";
import { DEFAULT_BUDGET_MS } from "@/lib/engine/run-execution";
import { beginShutdown } from "@/lib/shutdown";
import { maxDuration, POST } from "./route";

let f: EngineFixture;
let flowId: string;

beforeAll(async () => {
  f = await engineFixture();
  flowId = await reportingFlow(f);
});
afterAll(async () => {
  disableFanOut();
  await f.close();
});
beforeEach(() => {
  f.sink.requests.length = 0;
  enableFanOut("http://127.0.0.1:3000");
});
afterEach(() => disableFanOut());

// Outside a Next request after() is unavailable, so the route runs the execution before answering.
async function run(id: string, authorization: string | null = `Bearer ${TEST_INTERNAL_SECRET}`) {
  const response = await POST(
    new Request(`http://127.0.0.1:3000/api/internal/executions/${id}/run`, { method: "POST", headers: authorization ? { authorization } : {} }),
    { params: Promise.resolve({ id }) },
  );
  return { status: response.status, body: await response.json() };
}

const row = async (id: string) => (await f.handle.db.select().from(executions).where(eq(executions.id, id)))[0];

describe("POST /api/internal/executions/[id]/run", () => {
  it("answers 401 without the internal secret, with a wrong one, or with CRON_SECRET itself, and runs nothing", async () => {
    const [id] = await enqueueRuns(f, flowId, 1);
    for (const header of [null, "Bearer wrong-secret", `Bearer ${TEST_CRON_SECRET}`, `Bearer ${TEST_INTERNAL_SECRET}x`, TEST_INTERNAL_SECRET]) {
      const res = await run(id, header);
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe("unauthorized");
    }
    expect(await row(id)).toMatchObject({ status: "queued", leaseOwner: null });
    expect(f.sink.requests).toHaveLength(0);
    await run(id); // leave the queue empty for the other cases
  });

  it("is closed with a clear error while fan-out is off, and runs nothing", async () => {
    const [id] = await enqueueRuns(f, flowId, 1);
    disableFanOut();
    const res = await run(id);
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({ code: "fanout_disabled", message: expect.stringContaining("JUNCTION_FANOUT=on") });
    expect(await row(id)).toMatchObject({ status: "queued" });
    enableFanOut("http://127.0.0.1:3000");
    await run(id);
  });

  it("answers 400 naming the id when it is not a UUID", async () => {
    for (const id of ["not-an-id", "1234", `${randomUUID()}x`]) {
      const res = await run(id);
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: "validation_failed", field: "id" });
      expect(res.body.error.message).toContain("execution id");
    }
  });

  it("runs a queued execution once: it succeeds with its step logged, and a second call runs nothing", async () => {
    const [id] = await enqueueRuns(f, flowId, 1);
    const first = await run(id);
    expect(first).toEqual({ status: 202, body: { execution_id: id, started: true } });
    expect(await row(id)).toMatchObject({ status: "succeeded", leaseOwner: null });
    const steps = await f.steps(id);
    expect(steps.map((s) => [s.stepKey, s.status])).toEqual([["report", "succeeded"]]);
    expect(sinkCallsPerExecution(f)).toEqual(new Map([[id, 1]]));

    const second = await run(id);
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ execution_id: id, started: false, reason: "finished" });
    expect(sinkCallsPerExecution(f)).toEqual(new Map([[id, 1]]));
  });

  it("two calls at once for the same execution run it once", async () => {
    const [id] = await enqueueRuns(f, flowId, 1);
    const answers = await Promise.all([run(id), run(id)]);
    expect(answers.map((a) => a.status).sort()).toEqual([202, 409]);
    expect(answers.find((a) => a.status === 409)!.body).toMatchObject({ started: false, reason: expect.stringMatching(/^(running|finished)$/) });
    expect(await row(id)).toMatchObject({ status: "succeeded" });
    expect(sinkCallsPerExecution(f)).toEqual(new Map([[id, 1]]));
  });

  it("leaves an execution another worker holds alone", async () => {
    const [id] = await enqueueRuns(f, flowId, 1);
    await claimExecutions(f.handle.db, { owner: "other-worker", ids: [id] });
    const res = await run(id);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ execution_id: id, started: false, reason: "running" });
    expect(await row(id)).toMatchObject({ status: "running", leaseOwner: "other-worker" });
    expect(await f.steps(id)).toHaveLength(0);
    expect(f.sink.requests).toHaveLength(0);
    await f.handle.db.update(executions).set({ status: "cancelled", leaseOwner: null, leaseUntil: null }).where(eq(executions.id, id));
  });

  it("answers 404 for an unknown execution and 409 for one that may not run yet", async () => {
    const unknown = await run(randomUUID());
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ started: false, reason: "unknown" });

    const [id] = await enqueueRuns(f, flowId, 1);
    await f.handle.db.update(executions).set({ runAfter: new Date(Date.now() + 3_600_000) }).where(eq(executions.id, id));
    const waiting = await run(id);
    expect(waiting.status).toBe(409);
    expect(waiting.body).toMatchObject({ started: false, reason: "not_due" });
    expect(await row(id)).toMatchObject({ status: "queued" });
    expect(f.sink.requests).toHaveLength(0);
    await f.handle.db.delete(executions).where(eq(executions.id, id));
  });

  it("gives the run a budget that ends before the function's limit", () => {
    expect(runBudgetWithin(maxDuration * 1000, DEFAULT_BUDGET_MS)).toBe(DEFAULT_BUDGET_MS);
    expect(runBudgetWithin(maxDuration * 1000, 15 * 60_000)).toBeLessThan(maxDuration * 1000);
  });

  // Last: a shutdown cannot be undone in this process.
  it("a server that is stopping answers 503 and leaves the execution queued", async () => {
    const [id] = await enqueueRuns(f, flowId, 1);
    beginShutdown();
    const refused = await run(id);
    expect(refused.status).toBe(503);
    expect(refused.body).toMatchObject({ error: { code: "shutting_down" } });
    expect(await row(id)).toMatchObject({ status: "queued", leaseOwner: null });
    expect(f.sink.requests).toHaveLength(0);
  });
});
