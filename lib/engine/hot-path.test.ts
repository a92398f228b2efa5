import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { executionSteps, executions } from "@/lib/db/schema";
import { flowVersionDefinition } from "@/lib/flows/flow-store";
import { runFlowManually } from "./executions-service";
import { claimExecutions, enqueueExecution, isFirstClaim } from "./queue";
import { MAX_UNWRITTEN_MS, RunContext } from "./run-context";
import { runExecution } from "./run-execution";
import { engineFixture, type EngineFixture } from "./testing/engine-fixture";

// The engine's few statements per run (claim, lease + step rows, finish): what each returns
// and what each refuses to write without the lease.

let f: EngineFixture;
beforeAll(async () => {
  f = await engineFixture();
});
afterAll(async () => {
  await f.close();
});
beforeEach(() => {
  f.sink.requests.length = 0;
});

const transform = { key: "shape", type: "transform", mapping: { fields: { n: "trigger.body.n" } } };
const post = (path: string) => ({
  key: "post",
  type: "action",
  connector: "http",
  action: "request",
  connection: null,
  input: { method: "POST", url: `${f.sink.origin}${path}`, body: { n: "{{ trigger.body.n }}" } },
});

describe("claim", () => {
  it("returns the claimed row whole, as a later select reads it", async () => {
    const flowId = await f.flow({ name: "Claim shape", steps: [transform] });
    const payload = { body: { n: 3, nested: { list: [1, "two", null], flag: true } }, headers: { "x-a": "b" }, query: {} };
    const queued = await enqueueExecution(f.handle.db, { workspaceId: f.actor.workspaceId, flowId, flowVersion: 1, triggerType: "manual", payload });
    const [claimed] = await claimExecutions(f.handle.db, { owner: "shape-test", ids: [queued.id], leaseMs: 60_000 });
    expect(claimed).toEqual(await f.execution(queued.id));
    expect(claimed).toMatchObject({ status: "running", leaseOwner: "shape-test", triggerPayload: payload, dryRun: false, attempt: 1 });
    expect(claimed.startedAt).toBeInstanceOf(Date);
    expect(claimed.leaseUntil!.getTime() - Date.now()).toBeGreaterThan(50_000);
    expect(claimed.createdAt).toEqual(queued.createdAt);
  });

  it("counts only a never-claimed execution that is not a re-run as a first claim", async () => {
    const flowId = await f.flow({ name: "First claims", steps: [transform] });
    const queued = await runFlowManually(f.actor, flowId, { payload: { n: 1 } });
    const [first] = await claimExecutions(f.handle.db, { owner: "first", ids: [queued.id] });
    expect(isFirstClaim(first)).toBe(true);
    // Back in the queue (a checkpoint, or a lost worker): it may have step rows now.
    await f.handle.db.update(executions).set({ status: "queued", leaseOwner: null }).where(eq(executions.id, queued.id));
    const [again] = await claimExecutions(f.handle.db, { owner: "again", ids: [queued.id] });
    expect(isFirstClaim(again)).toBe(false);

    const rerun = await enqueueExecution(f.handle.db, {
      workspaceId: f.actor.workspaceId, flowId, flowVersion: 1, triggerType: "manual", payload: {}, rerunOf: queued.id,
    });
    const [claimedRerun] = await claimExecutions(f.handle.db, { owner: "rerun", ids: [rerun.id] });
    expect(isFirstClaim(claimedRerun)).toBe(false);
  });

  it("a re-run's first run still picks up the step outputs copied from the original", async () => {
    const flowId = await f.flow({ name: "Re-run", steps: [post("/rerun")] });
    const original = await runFlowManually(f.actor, flowId, { payload: { n: 1 } });
    const rerun = await enqueueExecution(f.handle.db, {
      workspaceId: f.actor.workspaceId, flowId, flowVersion: 1, triggerType: "manual", payload: { body: { n: 1 } }, rerunOf: original.id,
    });
    // What rerunExecution copies for "from the failed step": the original's succeeded rows.
    await f.handle.db.insert(executionSteps).values({
      workspaceId: f.actor.workspaceId, executionId: rerun.id, stepKey: "post", position: 0, status: "succeeded", output: { copied: true },
    });
    const [claimed] = await claimExecutions(f.handle.db, { owner: "rerun-worker", ids: [rerun.id] });
    expect(await runExecution(f.handle.db, claimed, { owner: "rerun-worker" })).toBe("succeeded");
    expect(f.sink.requests.filter((r) => r.url === "/rerun")).toHaveLength(0);
    expect((await f.steps(rerun.id)).map((s) => [s.stepKey, s.status, s.output])).toEqual([["post", "succeeded", { copied: true }]]);
  });
});

describe("finish", () => {
  it("a run that lost its lease before finishing writes neither its step rows nor its state", async () => {
    const flowId = await f.flow({ name: "Lost at the end", steps: [transform] });
    const queued = await runFlowManually(f.actor, flowId, { payload: { n: 2 } });
    const [claimed] = await claimExecutions(f.handle.db, { owner: "slow", ids: [queued.id] });
    await f.handle.db.execute(sql`update executions set lease_owner = 'the-other-worker' where id = ${queued.id}`);
    expect(await runExecution(f.handle.db, claimed, { owner: "slow" })).toBe("lost");
    expect(await f.steps(queued.id)).toEqual([]);
    expect(await f.execution(queued.id)).toMatchObject({ status: "running", leaseOwner: "the-other-worker", completedAt: null });
  });

  it("writes the final state and every step row in one go", async () => {
    f.respond((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end('{"id":"led_9"}');
    });
    const flowId = await f.flow({ name: "All at once", steps: [transform, post("/once"), { ...transform, key: "after" }] });
    const id = await f.run(flowId, { n: 5 });
    expect(await f.execution(id)).toMatchObject({ status: "succeeded", leaseOwner: null, leaseUntil: null, errorMessage: null });
    expect((await f.steps(id)).map((s) => [s.stepKey, s.position, s.status, s.httpStatus, s.output])).toEqual([
      ["shape", 0, "succeeded", null, { n: 5 }],
      ["post", 1, "succeeded", 200, { id: "led_9" }],
      ["after", 2, "succeeded", null, { n: 5 }],
    ]);
  });
});

describe("step rows", () => {
  it("keep a NUL character of a response as U+FFFD (PostgreSQL cannot store it) instead of failing the run", async () => {
    f.respond((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end('{"text":"a\\u0000b","path":"C:\\\\u0000"}');
    });
    const flowId = await f.flow({ name: "NUL", steps: [post("/nul")] });
    const id = await f.run(flowId, { n: 1 });
    expect((await f.execution(id)).status).toBe("succeeded");
    const [step] = await f.steps(id);
    expect(step.output).toEqual({ text: "a\ufffdb", path: "C:\\u0000" });
  });

  it("keep a NUL character of an error message as U+FFFD in the execution and its step, and the run still ends", async () => {
    f.respond((_req, res) => {
      res.writeHead(400, { "content-type": "application/json" });
      res.end('{"message":"bad\\u0000thing"}');
    });
    const flowId = await f.flow({ name: "NUL error", steps: [post("/nul-error")] });
    const id = await f.run(flowId, { n: 1 });
    const execution = await f.execution(id);
    expect(execution.status).toBe("failed");
    expect(execution.errorMessage).toContain("bad\ufffdthing");
    const [step] = await f.steps(id);
    expect(step.error).toContain("bad\ufffdthing");
  });
});

describe("a side effect's step row", () => {
  it("waits for the run's next statement, but is written before the next step once it has waited MAX_UNWRITTEN_MS", async () => {
    const flowId = await f.flow({ name: "Unwritten", steps: [transform] });
    const queued = await runFlowManually(f.actor, flowId, { payload: { n: 4 } });
    const [claimed] = await claimExecutions(f.handle.db, { owner: "clocked", ids: [queued.id], leaseMs: 10_000 });
    let now = Date.now();
    const ctx = new RunContext(f.handle.db, claimed, await flowVersionDefinition(f.handle.db, flowId, 1), new Map(), {
      owner: "clocked",
      budgetMs: 50_000,
      clock: () => now,
      leaseMs: 60_000,
    });
    const at = new Date(now);
    ctx.record({ stepKey: "post", position: 0, status: "succeeded", output: { sent: true }, httpStatus: 200, durationMs: 3, attempt: 1, startedAt: at, completedAt: at });
    ctx.sideEffectDone();

    now += MAX_UNWRITTEN_MS;
    await ctx.writeIfOverdue();
    expect(await f.steps(queued.id)).toEqual([]);

    now += 1;
    await ctx.writeIfOverdue();
    expect((await f.steps(queued.id)).map((s) => [s.stepKey, s.status, s.httpStatus, s.output])).toEqual([["post", "succeeded", 200, { sent: true }]]);
    // Written under a renewed lease (60 s, where the claim took 10 s).
    expect((await f.execution(queued.id)).leaseUntil!.getTime() - Date.now()).toBeGreaterThan(30_000);
  });

  it("is kept for the next statement when the statement meant to write it fails", async () => {
    const flowId = await f.flow({ name: "Kept", steps: [transform] });
    const queued = await runFlowManually(f.actor, flowId, { payload: { n: 5 } });
    const [claimed] = await claimExecutions(f.handle.db, { owner: "kept", ids: [queued.id], leaseMs: 10_000 });
    const ctx = new RunContext(f.handle.db, claimed, await flowVersionDefinition(f.handle.db, flowId, 1), new Map(), {
      owner: "kept",
      budgetMs: 50_000,
      clock: Date.now,
      leaseMs: 60_000,
    });
    const at = new Date();
    ctx.record({ stepKey: "post", position: 0, status: "succeeded", output: { sent: true }, httpStatus: 200, durationMs: 3, attempt: 1, startedAt: at, completedAt: at });
    ctx.sideEffectDone();
    // The database refuses the statement (here: the write itself throws before it is sent).
    await expect(ctx.withRows(async () => Promise.reject(new Error("connection reset")))).rejects.toThrow("connection reset");
    await ctx.holdLease();
    expect((await f.steps(queued.id)).map((s) => [s.stepKey, s.status])).toEqual([["post", "succeeded"]]);
  });
});
