import { callRoute, type RouteCall, type RouteHandler } from "@/lib/api/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { createApiKey } from "@/lib/db/queries/api-keys";
import { executions } from "@/lib/db/schema";
import { drainQueue } from "@/lib/engine/drain";
import { engineFixture, type EngineFixture } from "@/lib/engine/testing/engine-fixture";
import { updateFlow } from "@/lib/flows/flow-store";
import { POST as testStepRoute } from "../flows/[id]/steps/[key]/test/route";
import { POST as runFlow } from "../flows/[id]/run/route";
import { POST as cancel } from "./[id]/cancel/route";
import { POST as rerun } from "./[id]/rerun/route";
import { GET as getOne } from "./[id]/route";
import { GET as list } from "./route";

let f: EngineFixture;
let key: string;
let failSecond = true;

const call = async (handler: RouteHandler, options: RouteCall = {}) => {
  const { status, body } = await callRoute(handler, key, options);
  return { status, body };
};

const step = (k: string, url: string) => ({
  key: k,
  type: "action",
  connector: "http",
  action: "request",
  connection: null,
  input: { method: "POST", url, body: { k, name: "{{ trigger.body.name }}" } },
});

let flowId: string;
beforeAll(async () => {
  f = await engineFixture();
  key = (await createApiKey(f.handle.db, { workspaceId: f.actor.workspaceId, name: "k", createdBy: f.actor.userId })).key;
  flowId = await f.flow({
    name: "Two calls",
    retry: { delays_seconds: [] },
    steps: [step("first", `${f.sink.origin}/first`), step("second", `${f.sink.origin}/second`)],
  });
});
afterAll(async () => {
  await f.close();
});
beforeEach(() => {
  f.sink.requests.length = 0;
  f.respond((req, res) => {
    const fail = req.url === "/second" && failSecond;
    res.writeHead(fail ? 400 : 200, { "content-type": "application/json" });
    res.end(fail ? '{"message":"no"}' : `{"got":"${req.url}"}`);
  });
});

async function runAndDrain(payload: unknown): Promise<string> {
  const run = await call(runFlow, { method: "POST", params: { id: flowId }, body: { payload } });
  expect(run.status).toBe(202);
  await drainQueue(f.handle.db, { concurrency: 1 });
  return run.body.execution_id;
}

describe("executions API", () => {
  it("shows a failed execution with its step log", async () => {
    const id = await runAndDrain({ name: "Ada" });
    const { body } = await call(getOne, { params: { id } });
    expect(body).toMatchObject({ id, flow_id: flowId, status: "failed", attempt: 1, trigger_payload: { body: { name: "Ada" } } });
    expect(body.steps.map((s: { key: string; status: string; http_status: number }) => [s.key, s.status, s.http_status])).toEqual([
      ["first", "succeeded", 200],
      ["second", "failed", 400],
    ]);
    expect(body.steps[1].error).toContain("no");
  });

  it("re-runs from the failed step without repeating the steps that succeeded", async () => {
    const id = await runAndDrain({ name: "Bo" });
    f.sink.requests.length = 0;
    failSecond = false;
    try {
      const again = await call(rerun, { method: "POST", params: { id }, body: { from: "failed_step" } });
      expect(again.status).toBe(202);
      await drainQueue(f.handle.db, { concurrency: 1 });
      const { body } = await call(getOne, { params: { id: again.body.execution_id } });
      expect(body).toMatchObject({ status: "succeeded", rerun_of: id });
      expect(f.sink.requests.map((r) => r.url)).toEqual(["/second"]);
      // From the start, both run again.
      f.sink.requests.length = 0;
      const fresh = await call(rerun, { method: "POST", params: { id }, body: { from: "start" } });
      await drainQueue(f.handle.db, { concurrency: 1 });
      expect((await call(getOne, { params: { id: fresh.body.execution_id } })).body.status).toBe("succeeded");
      expect(f.sink.requests.map((r) => r.url)).toEqual(["/first", "/second"]);
    } finally {
      failSecond = true;
    }
  });

  it("re-runs on the original version or the current one", async () => {
    const id = await runAndDrain({ name: "Cy" });
    await updateFlow(f.actor, flowId, {
      name: "Two calls",
      trigger: { type: "manual" },
      retry: { delays_seconds: [] },
      steps: [step("first", `${f.sink.origin}/first`), step("third", `${f.sink.origin}/third`)],
    });
    f.sink.requests.length = 0;
    const original = await call(rerun, { method: "POST", params: { id }, body: { version: "original" } });
    await drainQueue(f.handle.db, { concurrency: 1 });
    expect(f.sink.requests.map((r) => r.url)).toEqual(["/first", "/second"]);
    f.sink.requests.length = 0;
    const current = await call(rerun, { method: "POST", params: { id }, body: { version: "current" } });
    await drainQueue(f.handle.db, { concurrency: 1 });
    expect(f.sink.requests.map((r) => r.url)).toEqual(["/first", "/third"]);
    const versions = await f.handle.db.select({ id: executions.id, v: executions.flowVersion }).from(executions);
    const v = (x: string) => versions.find((e) => e.id === x)?.v;
    expect([v(original.body.execution_id), v(current.body.execution_id)]).toEqual([1, 2]);
  });

  it("lists newest first, filtered, page by page", async () => {
    const all = await call(list, { query: `?flow_id=${flowId}&limit=2` });
    expect(all.body.data).toHaveLength(2);
    expect(all.body.next_cursor).toBeTruthy();
    const next = await call(list, { query: `?flow_id=${flowId}&limit=2&cursor=${all.body.next_cursor}` });
    const ids = [...all.body.data, ...next.body.data].map((e: { id: string }) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    const failed = await call(list, { query: "?status=failed" });
    expect(failed.body.data.every((e: { status: string }) => e.status === "failed")).toBe(true);
    expect((await call(list, { query: "?status=exploded" })).status).toBe(400);
    expect((await call(list, { query: "?cursor=garbage" })).body.error.field).toBe("cursor");
  });

  it("pages through executions created in the same millisecond without skipping one", async () => {
    const flow = await f.flow({ name: "Burst", steps: [] });
    const base = "2026-05-05 10:00:00.123";
    const made = await f.handle.db
      .insert(executions)
      .values(
        ["456", "457", "458", "459", "460"].map((us) => ({
          workspaceId: f.actor.workspaceId,
          flowId: flow,
          flowVersion: 1,
          triggerType: "manual",
          status: "succeeded" as const,
          createdAt: sql`${`${base}${us}+00`}::timestamptz`,
        })),
      )
      .returning({ id: executions.id });
    const seen: string[] = [];
    let cursor = "";
    for (let page = 0; page < 10; page++) {
      const result = await call(list, { query: `?flow_id=${flow}&limit=2${cursor ? `&cursor=${cursor}` : ""}` });
      expect(result.status).toBe(200);
      seen.push(...result.body.data.map((e: { id: string }) => e.id));
      if (!result.body.next_cursor) break;
      cursor = result.body.next_cursor;
    }
    expect(seen.toSorted()).toEqual(made.map((m) => m.id).toSorted());
    expect(seen).toHaveLength(5);
    // A cursor of the earlier <ms>_<id> form still pages on from where it points.
    const older = await call(list, { query: `?flow_id=${flow}&limit=5&cursor=${Date.parse("2026-05-05T10:00:00.124Z")}_${made[0].id}` });
    expect(older.status).toBe(200);
    expect(older.body.data).toHaveLength(5);
  });

  it("cancels a queued execution, which then never runs; cancelling again is a 409", async () => {
    const run = await call(runFlow, { method: "POST", params: { id: flowId }, body: { payload: {} } });
    const cancelled = await call(cancel, { method: "POST", params: { id: run.body.execution_id } });
    expect(cancelled.body.status).toBe("cancelled");
    f.sink.requests.length = 0;
    await drainQueue(f.handle.db, { concurrency: 1 });
    const [row] = await f.handle.db.select().from(executions).where(eq(executions.id, run.body.execution_id));
    expect(row.status).toBe("cancelled");
    expect(f.sink.requests).toEqual([]);
    expect((await call(cancel, { method: "POST", params: { id: run.body.execution_id } })).status).toBe(409);
  });

  it("tests one step against the last trigger sample without recording an execution", async () => {
    const before = (await f.handle.db.select().from(executions)).length;
    const result = await call(testStepRoute, { method: "POST", params: { id: flowId, key: "first" }, body: {} });
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ step: "first", status: "succeeded", http_status: 200, output: { got: "/first" } });
    const dry = await call(testStepRoute, { method: "POST", params: { id: flowId, key: "first" }, body: { dry_run: true, payload: { name: "Di" } } });
    expect(dry.body.output).toMatchObject({ dry_run: true, would_send: { body: JSON.stringify({ k: "first", name: "Di" }) } });
    expect((await f.handle.db.select().from(executions)).length).toBe(before);
    expect((await call(testStepRoute, { method: "POST", params: { id: flowId, key: "nope" }, body: {} })).status).toBe(404);
  });

  it("the marketplace's last sync and freshness come from the runs of flows using the connector", async () => {
    const { lastRunsByConnector } = await import("@/lib/connections/connection-queries");
    const runs = await lastRunsByConnector(f.handle.db, f.actor.workspaceId);
    const http = runs.get("http");
    expect(http?.lastRun).toBeInstanceOf(Date);
    expect(http?.lastSuccess).toBeInstanceOf(Date);
    expect(runs.get("slack")).toBeUndefined();
  });
});
