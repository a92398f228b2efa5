import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { createConnection } from "@/lib/connections/manage-connections";
import { createCustomConnector } from "@/lib/connections/manage-custom-connectors";
import { syncState } from "@/lib/db/schema";
import { engineFixture, type EngineFixture } from "./testing/engine-fixture";

// Syncs against a real paginated source and a real destination on 127.0.0.1.

let f: EngineFixture;
let source: { id: number; name: string; active: boolean }[] = [];
let delivered: unknown[][] = [];
let pageDelayMs = 0;
/** A clock the tests move: each page served "takes" pageDelayMs of it. */
let fakeNow = 0;
let connectionId: string;

beforeAll(async () => {
  f = await engineFixture();
  f.respond((req, res, recorded) => {
    const url = new URL(req.url ?? "/", "http://x");
    if (url.pathname === "/records") {
      const from = Number(url.searchParams.get("cursor") ?? 0);
      const size = Number(url.searchParams.get("limit") ?? 3);
      const page = source.slice(from, from + size);
      const next = from + size < source.length ? String(from + size) : null;
      fakeNow += pageDelayMs;
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ data: page, next }));
      return;
    }
    delivered.push(JSON.parse(recorded.body));
    res.writeHead(200, { "content-type": "application/json" });
    res.end('{"ok":true}');
  });
  await createCustomConnector(f.actor, {
    name: "Inventory",
    base_url: f.sink.origin,
    auth_type: "none",
    rate_limit: { requests: 10_000, per_seconds: 1 },
    list_endpoints: [
      {
        key: "records",
        name: "Records",
        path: "/records",
        items_path: "data",
        pagination: { style: "cursor", cursor_param: "cursor", next_cursor_path: "next", limit_param: "limit" },
      },
    ],
  });
  connectionId = (await createConnection(f.actor, { connector: "custom-inventory", name: "Inventory", credentials: {} })).id;
});

afterAll(async () => {
  await f.close();
});

beforeEach(() => {
  f.sink.requests.length = 0;
  source = Array.from({ length: 8 }, (_, i) => ({ id: i + 1, name: `item ${i + 1}`, active: i % 4 !== 3 }));
  delivered = [];
  pageDelayMs = 0;
});

const syncFlow = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  steps: [
    {
      key: "sync",
      type: "sync",
      source: { connector: "custom-inventory", action: "list_records", connection: connectionId, input: { limit: 3 } },
      filter: "record.active",
      mapping: { fields: { sku: "$string(id)", title: "$uppercase(name)" } },
      destination: {
        connector: "http",
        action: "request",
        connection: null,
        input: { method: "POST", url: `${f.sink.origin}/dest`, body: "{{ records }}" },
      },
      batch_size: 2,
      ...extra,
    },
  ],
});

describe("syncs", () => {
  it("reads every page, filters, maps and writes in batches, counting records", async () => {
    const flowId = await f.flow(syncFlow("Inventory to warehouse"));
    const id = await f.run(flowId);
    const execution = await f.execution(id);
    expect(execution.status).toBe("succeeded");
    expect(execution.recordsProcessed).toBe(8);
    expect(delivered).toEqual([
      [{ sku: "1", title: "ITEM 1" }, { sku: "2", title: "ITEM 2" }],
      [{ sku: "3", title: "ITEM 3" }, { sku: "5", title: "ITEM 5" }],
      [{ sku: "6", title: "ITEM 6" }, { sku: "7", title: "ITEM 7" }],
    ]);
    const [step] = await f.steps(id);
    expect(step.output).toMatchObject({ pages: 3, read: 8, filtered: 2, written: 6 });
  });

  it("skips records already delivered, by dedup key, and delivers only new ones", async () => {
    const flowId = await f.flow(syncFlow("Deduplicated", { dedup_key: "$string(id)" }));
    await f.run(flowId);
    expect(delivered.flat()).toHaveLength(6);
    delivered = [];
    await f.run(flowId);
    expect(delivered).toEqual([]);
    source.push({ id: 9, name: "item 9", active: true });
    const third = await f.run(flowId);
    expect(delivered).toEqual([[{ sku: "9", title: "ITEM 9" }]]);
    const [step] = await f.steps(third);
    expect(step.output).toMatchObject({ read: 9, duplicates: 6, written: 1 });
  });

  it("writes nothing when the mapped data is the same as last time", async () => {
    source = source.slice(0, 2);
    const flowId = await f.flow(syncFlow("Snapshot", { batch_size: 10 }));
    await f.run(flowId);
    expect(delivered).toHaveLength(1);
    const second = await f.run(flowId);
    expect(delivered).toHaveLength(1);
    const [step] = await f.steps(second);
    expect(step.output).toMatchObject({ unchanged: true, written: 0 });
    source[0].name = "renamed";
    await f.run(flowId);
    expect(delivered).toHaveLength(2);
  });

  it("a run out of time keeps the cursor, and the next run continues from the next page", async () => {
    pageDelayMs = 150;
    fakeNow = Date.now();
    const flowId = await f.flow(syncFlow("Slow source", { dedup_key: "$string(id)" }));
    const { runFlowManually } = await import("./executions-service");
    const { claimExecutions } = await import("./queue");
    const { runExecution } = await import("./run-execution");
    const execution = await runFlowManually(f.actor, flowId, { payload: {} });
    // Each run may spend 200 ms of the test's clock; a page costs 150 ms of it.
    const runOnce = async () => {
      const [claimed] = await claimExecutions(f.handle.db, { owner: "sync-test", ids: [execution.id] });
      return runExecution(f.handle.db, claimed, { owner: "sync-test", budgetMs: 200, clock: () => fakeNow });
    };
    expect(await runOnce()).toBe("requeued");
    const [state] = await f.handle.db.select().from(syncState).where(eq(syncState.flowId, flowId));
    // Record 6 (page 2) was read but not written: the next run starts again at page 2.
    expect(state.cursor).toMatchObject({ url: expect.stringContaining("cursor=3") });
    expect(delivered.flat()).toHaveLength(4);
    expect(await runOnce()).toBe("succeeded");
    const skus = delivered.flat().map((r) => (r as { sku: string }).sku);
    expect(skus).toEqual(["1", "2", "3", "5", "6", "7"]);
    const [after] = await f.handle.db.select().from(syncState).where(eq(syncState.flowId, flowId));
    expect(after.cursor).toBeNull();
    // Page 2 was read by both runs but counted by the second only: 8 records, 8 processed.
    expect((await f.execution(execution.id)).recordsProcessed).toBe(8);
    // Pages 1 and 2 in the first run; page 2 again (its record 6 was not yet written) and 3 in the second.
    expect(f.sink.requests.filter((r) => r.url.startsWith("/records")).map((r) => r.url)).toEqual([
      "/records?limit=3",
      "/records?limit=3&cursor=3",
      "/records?limit=3&cursor=3",
      "/records?limit=3&cursor=6",
    ]);
  });
});

describe("a connection's rate limit", () => {
  it("is shared by the flows using it and makes the execution wait, not fail", async () => {
    await createCustomConnector(f.actor, {
      name: "Strict API",
      base_url: f.sink.origin,
      auth_type: "none",
      rate_limit: { requests: 2, per_seconds: 3600 },
    });
    const strict = (await createConnection(f.actor, { connector: "custom-strict-api", name: "Strict", credentials: {} })).id;
    const call = (key: string) => ({
      key,
      type: "action",
      connector: "custom-strict-api",
      action: "request",
      connection: strict,
      input: { method: "POST", url: "/dest", body: { key } },
    });
    const flowA = await f.flow({ name: "Uses strict A", steps: [call("one"), call("two")] });
    const flowB = await f.flow({ name: "Uses strict B", steps: [call("three")] });
    const a = await f.run(flowA);
    expect((await f.execution(a)).status).toBe("succeeded");
    const b = await f.run(flowB);
    const waiting = await f.execution(b);
    expect(waiting.status).toBe("queued");
    // The window is a fixed hour: it resets at the top of the hour.
    expect(waiting.runAfter!.getTime()).toBeGreaterThan(Date.now());
    expect(waiting.runAfter!.getTime()).toBeLessThanOrEqual(Date.now() + 3_600_000);
    expect(delivered.map((d) => (d as unknown as { key: string }).key)).toEqual(["one", "two"]);
  });
});

describe("a rate limit set on the connection", () => {
  it("overrides the connector's own", async () => {
    const { updateConnection } = await import("@/lib/connections/manage-connections");
    const own = (await createConnection(f.actor, { connector: "custom-inventory", name: "Inventory (slow lane)", credentials: {} })).id;
    const updated = await updateConnection(f.actor, own, { rate_limit: { requests: 1, per_seconds: 3600 } });
    expect(updated.rate_limit).toEqual({ requests: 1, per_seconds: 3600 });
    const call = (key: string) => ({
      key,
      type: "action",
      connector: "custom-inventory",
      action: "request",
      connection: own,
      input: { method: "POST", url: "/dest", body: { key } },
    });
    const id = await f.run(await f.flow({ name: "Slow lane", steps: [call("one"), call("two")] }));
    const execution = await f.execution(id);
    expect(execution.status).toBe("queued");
    expect(execution.runAfter!.getTime()).toBeGreaterThan(Date.now());
    expect(execution.runAfter!.getTime()).toBeLessThanOrEqual(Date.now() + 3_600_000);
    expect(delivered).toHaveLength(1);
    expect((await updateConnection(f.actor, own, { rate_limit: null })).rate_limit).toBeNull();
  });
});

describe("a sync that hits its connection's rate limit", () => {
  it("stops where nothing is lost and finishes in later runs", async () => {
    source = Array.from({ length: 12 }, (_, i) => ({ id: i + 1, name: `item ${i + 1}`, active: true }));
    await createCustomConnector(f.actor, {
      name: "Tight source",
      base_url: f.sink.origin,
      auth_type: "none",
      rate_limit: { requests: 2, per_seconds: 3600 },
      list_endpoints: [
        {
          key: "records",
          name: "Records",
          path: "/records",
          items_path: "data",
          pagination: { style: "cursor", cursor_param: "cursor", next_cursor_path: "next", limit_param: "limit" },
        },
      ],
    });
    const tight = (await createConnection(f.actor, { connector: "custom-tight-source", name: "Tight", credentials: {} })).id;
    const flow = syncFlow("Rate limited sync", { dedup_key: "$string(id)" });
    (flow.steps[0] as { source: Record<string, unknown> }).source = { connector: "custom-tight-source", action: "list_records", connection: tight, input: { limit: 3 } };
    const flowId = await f.flow(flow);
    const id = await f.run(flowId);
    expect((await f.execution(id)).status).toBe("queued");
    // Each later run is let through as if the hour had passed (its window and its run_after).
    for (let i = 0; i < 8 && (await f.execution(id)).status !== "succeeded"; i++) {
      await f.handle.db.execute(sql`delete from rate_limit_buckets where bucket = ${`connection:${tight}`}`);
      await f.handle.db.execute(sql`update executions set run_after = null where id = ${id}`);
      await f.drain();
    }
    expect((await f.execution(id)).status).toBe("succeeded");
    const skus = delivered.flat().map((r) => Number((r as { sku: string }).sku));
    expect(skus).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect((await f.execution(id)).recordsProcessed).toBe(12);
  }, 30_000);
});
