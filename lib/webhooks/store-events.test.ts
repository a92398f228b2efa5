import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "@/lib/db/types";
import { BUSY_STORING, runsShouldWait } from "@/lib/engine/kick";
import { engineFixture, type EngineFixture } from "@/lib/engine/testing/engine-fixture";
import { createFlow } from "@/lib/flows/flow-store";
import { STORE_EVENTS, statementInput, storeEvent, storeEventStats, type EventToStore } from "./store-events";

// Deliveries stored together in one statement, on the real database: each is answered for
// itself (stored, a repeat, or its endpoint changed), and one that cannot be stored fails
// alone.

describe("storing webhook deliveries in batches", () => {
  let f: EngineFixture;
  let endpoint: { id: string; token_hash: string; flow_id: string; workspace_id: string; signature_scheme: string; config: unknown };

  beforeAll(async () => {
    f = await engineFixture();
    await createFlow(f.actor, { name: "Batched", active: true, trigger: { type: "webhook" }, steps: [] });
    [endpoint] = await queryRows(
      f.handle.db,
      sql`select id::text, token_hash, flow_id::text, workspace_id::text, signature_scheme, config from webhook_endpoints`,
    );
  });
  afterAll(async () => {
    await f.close();
  });

  const delivery = (key: string, overrides: Partial<EventToStore> = {}): EventToStore => {
    const rawBody = new Uint8Array([0xff, 0x00, ...Buffer.from(key)]);
    return {
      endpointId: endpoint.id,
      tokenHash: endpoint.token_hash,
      signatureScheme: endpoint.signature_scheme,
      signingSecretEnc: null,
      config: endpoint.config,
      workspaceId: endpoint.workspace_id,
      flowId: endpoint.flow_id,
      scope: `webhook:${endpoint.id}`,
      dedupKey: `id:${key}`,
      receivedAt: new Date(),
      expiresAt: new Date(Date.now() + 60_000),
      eventId: randomUUID(),
      executionId: randomUUID(),
      method: "POST",
      contentType: "application/octet-stream",
      headers: { "webhook-id": key },
      query: {},
      rawBody,
      payload: { body: key, headers: {}, query: {}, raw: key },
      ...overrides,
    };
  };

  const stored = (eventId: string) =>
    queryRows<{ raw: string; execution: string | null; key: string }>(
      f.handle.db,
      sql`select encode(e.raw_body, 'hex') as raw, x.id::text as execution, e.dedup_key as key
            from webhook_events e left join executions x on x.event_id = e.id where e.id = ${eventId}`,
    );

  it("stores deliveries written at once in shared statements, each with its own event and execution", async () => {
    const before = storeEventStats(f.handle.db);
    const deliveries = Array.from({ length: 12 }, (_, i) => delivery(`batch-${i}-${randomUUID()}`));
    const results = await Promise.all(deliveries.map((d) => storeEvent(f.handle.db, d)));
    const after = storeEventStats(f.handle.db);
    // Two go alone (nothing was running); the other ten wait for the first and go together.
    expect(after.batches - before.batches).toBe(3);
    expect(after.largest).toBeGreaterThanOrEqual(10);
    for (const [i, result] of results.entries()) {
      expect(result).toEqual({ current: true, eventId: deliveries[i].eventId, executionId: deliveries[i].executionId, previous: null });
      const [row] = await stored(deliveries[i].eventId);
      expect(row).toEqual({
        raw: Buffer.from(deliveries[i].rawBody).toString("hex"),
        execution: deliveries[i].executionId,
        key: deliveries[i].dedupKey,
      });
    }
  });

  it("answers each delivery of one batch for itself: stored, a repeat naming the first, an endpoint that changed", async () => {
    const first = delivery(`first-${randomUUID()}`);
    const firstResult = await storeEvent(f.handle.db, first);
    // Two to occupy the connections, then the batch under test.
    const busy = [delivery(`busy-a-${randomUUID()}`), delivery(`busy-b-${randomUUID()}`)];
    const fresh = delivery(`fresh-${randomUUID()}`);
    const repeat = delivery("ignored", { dedupKey: first.dedupKey });
    const changed = delivery(`changed-${randomUUID()}`, { tokenHash: "not-the-current-token-hash" });
    const reconfigured = delivery(`config-${randomUUID()}`, { config: { methods: ["PUT"] } });
    const before = storeEventStats(f.handle.db);
    const results = await Promise.all([...busy, fresh, repeat, changed, reconfigured].map((d) => storeEvent(f.handle.db, d)));
    expect(storeEventStats(f.handle.db).batches - before.batches).toBe(3);

    expect(results[2]).toMatchObject({ current: true, eventId: fresh.eventId, executionId: fresh.executionId });
    expect(results[3]).toEqual({ current: true, eventId: null, executionId: null, previous: firstResult.executionId });
    expect(results[4]).toEqual({ current: false, eventId: null, executionId: null, previous: null });
    expect(results[5]).toEqual({ current: false, eventId: null, executionId: null, previous: null });
    for (const d of [repeat, changed, reconfigured]) expect(await stored(d.eventId)).toEqual([]);
    expect(await stored(fresh.eventId)).toHaveLength(1);
  });

  it("stores a repeat after the one it repeats, even when both arrive at once", async () => {
    const key = `twice-${randomUUID()}`;
    const [a, b] = await Promise.all([storeEvent(f.handle.db, delivery(key)), storeEvent(f.handle.db, delivery(key))]);
    expect(a.executionId).not.toBeNull();
    expect(b).toEqual({ current: true, eventId: null, executionId: null, previous: a.executionId });
  });

  it("when a batch fails, stores the others of it and fails only the delivery that cannot be stored", async () => {
    const busy = [delivery(`busy-c-${randomUUID()}`), delivery(`busy-d-${randomUUID()}`)];
    const good = [delivery(`good-1-${randomUUID()}`), delivery(`good-2-${randomUUID()}`)];
    // A workspace that does not exist: the foreign key refuses it, and the batch with it.
    const bad = delivery(`bad-${randomUUID()}`, { workspaceId: randomUUID() });
    const before = storeEventStats(f.handle.db);
    const answers = [...busy, good[0], bad, good[1]].map((d) => storeEvent(f.handle.db, d).then(
      (result) => ({ ok: true as const, result }),
      (error: Error) => ({ ok: false as const, error }),
    ));
    const results = await Promise.all(answers);
    expect(results.map((r) => r.ok)).toEqual([true, true, true, false, true]);
    // Two alone, the batch of three that failed, then each of the three alone.
    expect(storeEventStats(f.handle.db).batches - before.batches).toBe(6);
    for (const d of good) expect(await stored(d.eventId)).toHaveLength(1);
    expect(await stored(bad.eventId)).toEqual([]);
    const [count] = await queryRows<{ n: number }>(f.handle.db, sql`select count(*)::int as n from dedup_keys where key = ${bad.dedupKey}`);
    expect(count.n).toBe(0);
  });

  it("tells the web server's runs to wait while more than a few deliveries are being stored", async () => {
    expect(runsShouldWait(f.handle.db)).toBe(false);
    const few = Array.from({ length: BUSY_STORING }, () => storeEvent(f.handle.db, delivery(`few-${randomUUID()}`)));
    expect(runsShouldWait(f.handle.db)).toBe(false);
    await Promise.all(few);
    const many = Array.from({ length: BUSY_STORING + 1 }, () => storeEvent(f.handle.db, delivery(`many-${randomUUID()}`)));
    expect(runsShouldWait(f.handle.db)).toBe(true);
    await Promise.all(many);
    expect(runsShouldWait(f.handle.db)).toBe(false);
  });

  it("looks each delivery's dedup key up by index, however many keys the table holds", async () => {
    // The planner guesses 100 input rows; a join written the obvious way became a hash join
    // over every dedup key, a cost that grew with the table (found by bench/ingest.ts).
    await f.handle.db.execute(
      sql`insert into dedup_keys (workspace_id, scope, key, expires_at)
          select ${endpoint.workspace_id}::uuid, 'webhook:plan-test', 'id:' || n, now() + interval '1 day' from generate_series(1, 5000) n`,
    );
    await f.handle.db.execute(sql`analyze dedup_keys`);
    const input = statementInput([delivery(`plan-${randomUUID()}`)]).replaceAll("'", "''");
    const plan = await queryRows<{ "QUERY PLAN": string }>(f.handle.db, sql.raw(`explain ${STORE_EVENTS.replace("$1::jsonb", `'${input}'::jsonb`)}`));
    const text = plan.map((row) => row["QUERY PLAN"]).join("\n");
    expect(text).toContain("dedup_keys_scope_key_pk");
    expect(text).not.toMatch(/Seq Scan on dedup_keys/);
  });
});
