import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { alerts, executions } from "@/lib/db/schema";
import { releaseDueRetries, requeueExpiredLeases, claimExecutions } from "./queue";
import { engineFixture, type EngineFixture } from "./testing/engine-fixture";

let f: EngineFixture;
beforeAll(async () => {
  f = await engineFixture();
});
afterAll(async () => {
  await f.close();
});
beforeEach(() => {
  f.sink.requests.length = 0;
  f.respond((_req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end('{"ok":true,"id":"led_1"}');
  });
});

const post = (url: string, body: unknown, extra: Record<string, unknown> = {}) => ({
  key: "post",
  type: "action",
  connector: "http",
  action: "request",
  connection: null,
  input: { method: "POST", url, body },
  ...extra,
});

describe("the three-step flow of the public contract", () => {
  it("maps, posts to the sink with the idempotency key, maps the answer, and logs every step", async () => {
    const flowId = await f.flow({
      name: "Orders to ledger",
      steps: [
        { key: "shape", type: "transform", mapping: { fields: { orderId: "$string(trigger.body.id)", email: "$lowercase(trigger.body.user.email)" } } },
        post(`${f.sink.origin}/entries`, { orderId: "{{ steps.shape.output.orderId }}", email: "{{ steps.shape.output.email }}" }),
        { key: "result", type: "transform", mapping: { fields: { ledger: "steps.post.output.id" } } },
      ],
    });
    const id = await f.run(flowId, { id: 42, user: { email: "Ada@Example.COM" } });
    const execution = await f.execution(id);
    expect(execution.status).toBe("succeeded");
    expect(f.sink.requests).toHaveLength(1);
    expect(JSON.parse(f.sink.requests[0].body)).toEqual({ orderId: "42", email: "ada@example.com" });
    expect(f.sink.requests[0].headers["idempotency-key"]).toBe(`${id}:post`);
    const steps = await f.steps(id);
    expect(steps.map((s) => [s.stepKey, s.status, s.httpStatus])).toEqual([
      ["shape", "succeeded", null],
      ["post", "succeeded", 200],
      ["result", "succeeded", null],
    ]);
    expect(steps[2].output).toEqual({ ledger: "led_1" });
    expect(execution.durationMs).toBeGreaterThanOrEqual(0);
  });
});

describe("retries", () => {
  it("a 5xx gets two quick retries, then the execution is retried after 5 min, 15 min, 1 h, then fails with an alert", async () => {
    f.respond((_req, res) => {
      res.writeHead(503, { "content-type": "application/json" });
      res.end('{"error":{"message":"busy"}}');
    });
    const flowId = await f.flow({ name: "Always busy", steps: [post(`${f.sink.origin}/x`, { a: 1 })] });
    const id = await f.run(flowId);
    let execution = await f.execution(id);
    expect(f.sink.requests).toHaveLength(3);
    expect(execution).toMatchObject({ status: "retrying", attempt: 2 });
    const wait = execution.nextRetryAt!.getTime() - Date.now();
    expect(wait).toBeGreaterThan(290_000);
    expect(wait).toBeLessThanOrEqual(300_000);
    expect(execution.errorMessage).toContain("503");

    const expected = [900_000, 3_600_000];
    for (const delay of expected) {
      await f.handle.db.update(executions).set({ nextRetryAt: new Date(Date.now() - 1) }).where(eq(executions.id, id));
      expect(await releaseDueRetries(f.handle.db)).toBe(1);
      await f.drain();
      execution = await f.execution(id);
      expect(execution.status).toBe("retrying");
      const next = execution.nextRetryAt!.getTime() - Date.now();
      expect(next).toBeGreaterThan(delay - 10_000);
      expect(next).toBeLessThanOrEqual(delay);
    }
    await f.handle.db.update(executions).set({ nextRetryAt: new Date(Date.now() - 1) }).where(eq(executions.id, id));
    await releaseDueRetries(f.handle.db);
    await f.drain();
    execution = await f.execution(id);
    expect(execution).toMatchObject({ status: "failed", attempt: 4 });
    expect(f.sink.requests).toHaveLength(12);
    const [alert] = await f.handle.db.select().from(alerts).where(eq(alerts.flowId, flowId));
    expect(alert).toMatchObject({ kind: "execution_failed", status: "open" });
  });

  it("a 4xx is not retried", async () => {
    f.respond((_req, res) => {
      res.writeHead(422, { "content-type": "application/json" });
      res.end('{"message":"email is invalid"}');
    });
    const flowId = await f.flow({ name: "Bad input", steps: [post(`${f.sink.origin}/x`, { a: 1 })] });
    const id = await f.run(flowId);
    expect(f.sink.requests).toHaveLength(1);
    const execution = await f.execution(id);
    expect(execution.status).toBe("failed");
    expect(execution.errorMessage).toContain("email is invalid");
    const [step] = await f.steps(id);
    expect(step).toMatchObject({ status: "failed", httpStatus: 422 });
    // Logged with what it tried to send, so the failure can be understood from the log.
    expect(step.input).toMatchObject({ method: "POST", url: `${f.sink.origin}/x`, body: { a: 1 } });
  });

  it("a step that succeeded is not run again when the execution is retried", async () => {
    let second = 0;
    f.respond((req, res) => {
      const fail = req.url === "/second" && second++ < 3;
      res.writeHead(fail ? 500 : 200, { "content-type": "application/json" });
      res.end(fail ? "{}" : '{"ok":true}');
    });
    const flowId = await f.flow({
      name: "Two writes",
      steps: [post(`${f.sink.origin}/first`, { n: 1 }, { key: "first" }), post(`${f.sink.origin}/second`, { n: 2 }, { key: "second" })],
    });
    const id = await f.run(flowId);
    expect((await f.execution(id)).status).toBe("retrying");
    await f.handle.db.update(executions).set({ nextRetryAt: new Date(Date.now() - 1) }).where(eq(executions.id, id));
    await releaseDueRetries(f.handle.db);
    await f.drain();
    expect((await f.execution(id)).status).toBe("succeeded");
    const byUrl = (u: string) => f.sink.requests.filter((r) => r.url === u);
    expect(byUrl("/first")).toHaveLength(1);
    expect(byUrl("/second")).toHaveLength(4);
    expect(new Set(byUrl("/second").map((r) => r.headers["idempotency-key"]))).toEqual(new Set([`${id}:second`]));
  });

  it("honours Retry-After when rescheduling", async () => {
    f.respond((_req, res) => {
      res.writeHead(429, { "retry-after": "1200" });
      res.end();
    });
    const flowId = await f.flow({ name: "Rate limited", steps: [post(`${f.sink.origin}/x`, { a: 1 })] });
    const id = await f.run(flowId);
    const execution = await f.execution(id);
    // Retry-After (20 min) is longer than the 5 min schedule and is too long to wait in the run.
    expect(f.sink.requests).toHaveLength(1);
    expect(execution.nextRetryAt!.getTime() - Date.now()).toBeGreaterThan(1_190_000);
  });
});

describe("hostile and broken input", () => {
  it("an expression that tries to reach a constructor is refused at save, and fails the step if it gets stored anyway", async () => {
    const hostile = { key: "evil", type: "transform", mapping: { fields: { x: "constructor.constructor('return process')()" } } };
    await expect(f.flow({ name: "Hostile", steps: [hostile] })).rejects.toMatchObject({ status: 400, extra: { field: "steps[0].mapping.x" } });
    // Stored behind the API's back (an old version, a direct write): the engine still refuses it.
    const flowId = await f.flow({ name: "Hostile later", steps: [] });
    await f.handle.db.execute(
      sql`update flow_versions set definition = jsonb_set(definition, '{steps}', ${JSON.stringify([hostile])}::jsonb) where flow_id = ${flowId}`,
    );
    const id = await f.run(flowId);
    const execution = await f.execution(id);
    expect(execution.status).toBe("failed");
    expect(execution.errorMessage).toMatch(/^mapping\.x: /);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("a step pointing at another workspace's connection fails, and that connection is never used", async () => {
    const { createWorkspace } = await import("@/lib/db/queries/workspaces");
    const { connections } = await import("@/lib/db/schema");
    const other = await createWorkspace(f.handle.db, { name: "Other", ownerId: f.actor.userId });
    const [theirs] = await f.handle.db
      .insert(connections)
      .values({ workspaceId: other.id, connector: "http", name: "theirs", credentialsEnc: "jv1.x.y.z" })
      .returning();
    const flowId = await f.flow({ name: "Borrower", steps: [post(`${f.sink.origin}/x`, { a: 1 })] });
    // The API refuses such a flow (flows.test.ts); stored behind its back, the engine refuses it too.
    await f.handle.db.execute(
      sql`update flow_versions set definition = jsonb_set(definition, '{steps,0,connection}', to_jsonb(${theirs.id}::text)) where flow_id = ${flowId}`,
    );
    const id = await f.run(flowId);
    const execution = await f.execution(id);
    expect(execution.status).toBe("failed");
    expect(execution.errorMessage).toMatch(/no longer exists/);
    expect(f.sink.requests).toHaveLength(0);
  });

  it("an SSRF target is refused without retrying", async () => {
    const flowId = await f.flow({ name: "Metadata", steps: [post("http://169.254.169.254/latest/meta-data", { a: 1 })] });
    const id = await f.run(flowId);
    const execution = await f.execution(id);
    expect(execution.status).toBe("failed");
    expect(execution.errorMessage).toMatch(/169\.254\.169\.254|metadata|link-local|not allowed|blocked/i);
  });

  it("a destination that hangs times out and is retried later", async () => {
    f.respond(() => new Promise(() => {}));
    const flowId = await f.flow({ name: "Hangs", steps: [post(`${f.sink.origin}/hang`, { a: 1 })] });
    const started = Date.now();
    const id = await f.run(flowId, {}, { runBudgetMs: 3_000 });
    expect(Date.now() - started).toBeLessThan(15_000);
    const execution = await f.execution(id);
    expect(["retrying", "queued"]).toContain(execution.status);
  });

  it("a 50 MB response is cut off and fails the step", async () => {
    f.respond((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      const chunk = Buffer.alloc(1024 * 1024, 97);
      let sent = 0;
      const pump = () => {
        while (sent < 50 && res.write(chunk)) sent++;
        if (sent < 50) res.once("drain", pump);
        else res.end();
      };
      res.on("error", () => {});
      pump();
    });
    const flowId = await f.flow({ name: "Huge", steps: [post(`${f.sink.origin}/huge`, { a: 1 })] });
    const id = await f.run(flowId);
    const execution = await f.execution(id);
    expect(execution.status).toBe("failed");
    expect(execution.errorMessage).toMatch(/larger|too large|MiB|bytes/i);
  });
});

describe("control flow", () => {
  it("a filter that says no ends the flow successfully without running later steps", async () => {
    const flowId = await f.flow({
      name: "Only big orders",
      steps: [{ key: "big", type: "filter", condition: "trigger.body.amount > 100" }, post(`${f.sink.origin}/x`, { a: 1 })],
    });
    const small = await f.run(flowId, { amount: 5 });
    expect((await f.execution(small)).status).toBe("succeeded");
    expect(f.sink.requests).toHaveLength(0);
    const big = await f.run(flowId, { amount: 500 });
    expect((await f.execution(big)).status).toBe("succeeded");
    expect(f.sink.requests).toHaveLength(1);
  });

  it("branches and loops", async () => {
    const flowId = await f.flow({
      name: "Branch and loop",
      steps: [
        {
          key: "vip",
          type: "branch",
          condition: "trigger.body.tier = 'gold'",
          then: [
            {
              key: "each",
              type: "loop",
              items: "trigger.body.items",
              steps: [post(`${f.sink.origin}/item`, { sku: "{{ item.sku }}", n: "{{ index }}" }, { key: "send" })],
            },
          ],
          else: [post(`${f.sink.origin}/plain`, { a: 1 }, { key: "plain" })],
        },
      ],
    });
    const id = await f.run(flowId, { tier: "gold", items: [{ sku: "a" }, { sku: "b" }, { sku: "c" }] });
    expect((await f.execution(id)).status).toBe("succeeded");
    expect(f.sink.requests.map((r) => JSON.parse(r.body))).toEqual([
      { sku: "a", n: 0 },
      { sku: "b", n: 1 },
      { sku: "c", n: 2 },
    ]);
    const keys = (await f.steps(id)).map((s) => s.stepKey);
    expect(keys).toEqual(expect.arrayContaining(["vip", "each", "each[0].send", "each[2].send"]));
    expect(new Set(f.sink.requests.map((r) => r.headers["idempotency-key"])).size).toBe(3);
  });

  it("a delay re-queues the execution for later instead of sleeping", async () => {
    const flowId = await f.flow({
      name: "Wait a second",
      steps: [{ key: "wait", type: "delay", seconds: 1 }, post(`${f.sink.origin}/after`, { a: 1 })],
    });
    const id = await f.run(flowId);
    const waiting = await f.execution(id);
    expect(waiting.status).toBe("queued");
    expect(waiting.runAfter!.getTime()).toBeGreaterThan(Date.now());
    expect(f.sink.requests).toHaveLength(0);
    await new Promise((r) => setTimeout(r, 1_100));
    await f.drain();
    expect((await f.execution(id)).status).toBe("succeeded");
    expect(f.sink.requests).toHaveLength(1);
  });

  it("a run out of time checkpoints and the next run continues at the first unfinished step", async () => {
    f.respond((_req, res) => {
      setTimeout(() => {
        res.writeHead(200, { "content-type": "application/json" });
        res.end("{}");
      }, 300);
    });
    const flowId = await f.flow({
      name: "Slow steps",
      steps: ["a", "b", "c"].map((k) => post(`${f.sink.origin}/${k}`, { k }, { key: k })),
    });
    const { runFlowManually } = await import("./executions-service");
    const { drainQueue } = await import("./drain");
    const execution = await runFlowManually(f.actor, flowId, { payload: {} });
    // Each run may start one 300 ms step within its 250 ms budget, then checkpoints.
    const report = await drainQueue(f.handle.db, { concurrency: 1, runBudgetMs: 250, ids: [execution.id] });
    expect(report.outcomes).toEqual({ requeued: 2, succeeded: 1 });
    expect((await f.execution(execution.id)).status).toBe("succeeded");
    expect(f.sink.requests.map((r) => r.url)).toEqual(["/a", "/b", "/c"]);
  });

  it("a dry run performs no write and shows the exact request", async () => {
    const flowId = await f.flow({ name: "Dry", steps: [post(`${f.sink.origin}/x`, { hello: "{{ trigger.body.name }}" })] });
    const id = await f.run(flowId, { name: "Ada" }, { dryRun: true });
    expect((await f.execution(id)).status).toBe("succeeded");
    expect(f.sink.requests).toHaveLength(0);
    const [step] = await f.steps(id);
    expect(step.output).toMatchObject({ dry_run: true, would_send: { method: "POST", url: `${f.sink.origin}/x`, body: '{"hello":"Ada"}' } });
  });
});

describe("leases", () => {
  it("an execution whose worker was lost is re-queued by the next tick and completes once", async () => {
    const flowId = await f.flow({ name: "Crashy", steps: [post(`${f.sink.origin}/once`, { a: 1 })] });
    const { runFlowManually } = await import("./executions-service");
    const execution = await runFlowManually(f.actor, flowId, { payload: {} });
    const [claimed] = await claimExecutions(f.handle.db, { owner: "dead-worker", ids: [execution.id], leaseMs: 60_000 });
    expect(claimed.status).toBe("running");
    // The worker dies; nothing else can claim it while the lease holds.
    expect(await claimExecutions(f.handle.db, { owner: "other", ids: [execution.id] })).toEqual([]);
    await f.handle.db.execute(sql`update executions set lease_until = now() - interval '1 second' where id = ${execution.id}`);
    expect(await requeueExpiredLeases(f.handle.db)).toBe(1);
    await f.drain();
    expect((await f.execution(execution.id)).status).toBe("succeeded");
    expect(f.sink.requests.filter((r) => r.url === "/once")).toHaveLength(1);
  });

  it("a worker that lost its lease mid-step stops before its next call and writes nothing", async () => {
    const { runFlowManually } = await import("./executions-service");
    const { runExecution } = await import("./run-execution");
    const flowId = await f.flow({
      name: "Stalled worker",
      steps: [post(`${f.sink.origin}/s1`, { a: 1 }, { key: "s1" }), post(`${f.sink.origin}/s2`, { a: 2 }, { key: "s2" })],
    });
    const execution = await runFlowManually(f.actor, flowId, { payload: {} });
    f.respond(async (req, res) => {
      // While the first call is in flight, another worker takes the execution over.
      if (req.url === "/s1") {
        await f.handle.db.execute(sql`update executions set lease_owner = 'the-other-worker' where id = ${execution.id}`);
      }
      res.writeHead(200, { "content-type": "application/json" });
      res.end("{}");
    });
    const [claimed] = await claimExecutions(f.handle.db, { owner: "stalled", ids: [execution.id] });
    expect(await runExecution(f.handle.db, claimed, { owner: "stalled" })).toBe("lost");
    expect(f.sink.requests.map((r) => r.url)).toEqual(["/s1"]);
    expect(await f.steps(execution.id)).toEqual([]);
    expect((await f.execution(execution.id)).leaseOwner).toBe("the-other-worker");
  });

  it("an execution that keeps losing its worker is failed after three recoveries, saying why", async () => {
    const flowId = await f.flow({ name: "Crashes every time", steps: [post(`${f.sink.origin}/x`, { a: 1 })] });
    const { runFlowManually } = await import("./executions-service");
    const execution = await runFlowManually(f.actor, flowId, { payload: {} });
    for (let i = 1; i <= 4; i++) {
      const [claimed] = await claimExecutions(f.handle.db, { owner: `doomed-${i}`, ids: [execution.id] });
      expect(claimed, `claim ${i}`).toBeDefined();
      await f.handle.db.execute(sql`update executions set lease_until = now() - interval '1 second' where id = ${execution.id}`);
      expect(await requeueExpiredLeases(f.handle.db)).toBe(1);
      const row = await f.execution(execution.id);
      expect(row.recoveries).toBe(i);
      expect(row.status).toBe(i < 4 ? "queued" : "failed");
      expect(row.errorMessage).toMatch(i < 4 ? /worker .* was lost .* resumed/ : /lost 4 times/);
    }
  });
});
