import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { alerts } from "@/lib/db/schema";
import { drainQueue } from "./drain";
import { runFlowManually } from "./executions-service";
import { engineFixture, type EngineFixture } from "./testing/engine-fixture";

// A flow's error branch (on_error) runs once the execution has failed for good: it sees the
// error, its steps are logged, its calls go out once — and the worker loop carries on.

let f: EngineFixture;
beforeAll(async () => {
  f = await engineFixture();
});
afterAll(async () => {
  await f.close();
});
beforeEach(() => {
  f.sink.requests.length = 0;
  f.respond((req, res) => {
    res.writeHead(req.url === "/orders" ? 422 : 200, { "content-type": "application/json" });
    res.end(req.url === "/orders" ? '{"error":"email is invalid"}' : '{"ok":true}');
  });
});

const action = (key: string, path: string, body: unknown) => ({
  key,
  type: "action",
  connector: "http",
  action: "request",
  connection: null,
  input: { method: "POST", url: `${f.sink.origin}${path}`, body },
});

describe("the error branch", () => {
  it("runs after the execution failed, with the error, logging its steps and sending its call once", async () => {
    const flowId = await f.flow({
      name: "With an error branch",
      steps: [action("order", "/orders", { n: "{{ trigger.body.n }}" })],
      on_error: [
        { key: "note", type: "transform", mapping: { fields: { said: "error.message" } } },
        action("notify", "/notify", { text: "{{ steps.note.output.said }}" }),
      ],
    });
    const { id } = await runFlowManually(f.actor, flowId, { payload: { n: 1 } });
    const report = await drainQueue(f.handle.db, { concurrency: 1, ids: [id] });
    expect(report).toEqual({ ran: 1, outcomes: { failed: 1 } });

    const execution = await f.execution(id);
    expect(execution).toMatchObject({ status: "failed", leaseOwner: null });
    expect(execution.errorMessage).toContain("HTTP 422");
    const steps = await f.steps(id);
    expect(steps.map((s) => [s.stepKey, s.status, s.httpStatus])).toEqual([
      ["order", "failed", 422],
      ["on_error.note", "succeeded", null],
      ["on_error.notify", "succeeded", 200],
    ]);
    expect(steps[1].output).toEqual({ said: execution.errorMessage });
    const notified = f.sink.requests.filter((r) => r.url === "/notify");
    expect(notified.map((r) => JSON.parse(r.body))).toEqual([{ text: execution.errorMessage }]);
    expect(notified[0].headers["idempotency-key"]).toBe(`${id}:on_error.notify`);
    expect(await f.handle.db.select().from(alerts).where(eq(alerts.flowId, flowId))).toHaveLength(1);
  });

  it("a failing error branch is logged and leaves the execution failed; the worker goes on to the next one", async () => {
    const flowId = await f.flow({
      name: "Broken error branch",
      steps: [action("order", "/orders", {})],
      on_error: [action("notify", "/orders", { again: true })],
    });
    const first = await runFlowManually(f.actor, flowId, { payload: {} });
    const second = await runFlowManually(f.actor, flowId, { payload: {} });
    const report = await drainQueue(f.handle.db, { concurrency: 1, ids: [first.id, second.id] });
    expect(report).toEqual({ ran: 2, outcomes: { failed: 2 } });
    for (const { id } of [first, second]) {
      expect((await f.execution(id)).status).toBe("failed");
      expect((await f.steps(id)).map((s) => [s.stepKey, s.status])).toEqual([
        ["order", "failed"],
        ["on_error.notify", "failed"],
      ]);
    }
  });
});
