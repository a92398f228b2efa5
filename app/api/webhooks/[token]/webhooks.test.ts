import { createHmac } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { executions, webhookEvents } from "@/lib/db/schema";
import { engineFixture, type EngineFixture } from "@/lib/engine/testing/engine-fixture";
import { resetEnvCache } from "@/lib/env";
import { createFlow, hashWebhookToken, setFlowActive, updateFlow } from "@/lib/flows/flow-store";
import { cachedEndpoint } from "@/lib/webhooks/endpoint-cache";
import { sendOverHttp, startWebhookListener } from "@/lib/webhooks/testing/listener-server";
import { queryRows } from "@/lib/db/types";
import { GET, POST } from "./route";

// Every behaviour of the endpoint, through both of its entries: this route (next dev, plain
// next start, Vercel) and the production server's own listener over real HTTP (npm start).

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the answers' JSON, read field by field
type Delivery = (token: string, body: string, headers?: Record<string, string>, method?: string) => Promise<{ status: number; body: any }>;

async function throughRoute(token: string, body: string, headers: Record<string, string> = {}, method = "POST") {
  const response = await (method === "GET" ? GET : POST)(
    new Request(`http://127.0.0.1:3000/api/webhooks/${token}?source=test`, { method, body: method === "GET" ? undefined : body, headers }),
    { params: Promise.resolve({ token }) },
  );
  return { status: response.status, body: await response.json() };
}

const entries: [string, () => Promise<{ deliver: Delivery; close(): Promise<void> }>][] = [
  ["the Next route", async () => ({ deliver: throughRoute, close: async () => {} })],
  [
    "the production server's listener",
    async () => {
      // As under the route outside a request: runs wait for the queue, so tests see them queued.
      process.env.JUNCTION_WEBHOOK_RUNS = "queue";
      resetEnvCache();
      const listener = await startWebhookListener({ maxRequests: 500 });
      return {
        async deliver(token, body, headers = {}, method = "POST") {
          const answer = await sendOverHttp(`${listener.origin}/api/webhooks/${token}?source=test`, {
            method,
            headers,
            body: method === "GET" ? undefined : body,
          });
          return { status: answer.status, body: JSON.parse(answer.text) };
        },
        async close() {
          await listener.close();
          delete process.env.JUNCTION_WEBHOOK_RUNS;
          resetEnvCache();
        },
      };
    },
  ],
];

const SECRET = "gh-webhook-secret-for-tests";
const sign = (body: string) => `sha256=${createHmac("sha256", SECRET).update(body).digest("hex")}`;

describe.each(entries)("POST /api/webhooks/{token} through %s", (_entry, open) => {
  let f: EngineFixture;
  let deliver: Delivery;
  let closeEntry: () => Promise<void>;
  let signedToken: string;
  let openToken: string;
  let signedFlow: string;

  const counts = async () => {
    const [row] = await queryRows<{ events: number; executions: number }>(
      f.handle.db,
      sql`select (select count(*)::int from webhook_events) as events, (select count(*)::int from executions) as executions`,
    );
    return row;
  };

  beforeAll(async () => {
    f = await engineFixture();
    ({ deliver, close: closeEntry } = await open());
    const step = {
      key: "post",
      type: "action",
      connector: "http",
      action: "request",
      connection: null,
      input: { method: "POST", url: `${f.sink.origin}/in`, body: { action: "{{ trigger.body.action }}", who: "{{ trigger.headers.`x-github-event` }}" } },
    };
    const signed = await createFlow(f.actor, {
      name: "GitHub issues",
      active: true,
      trigger: { type: "webhook", signature: { scheme: "github", secret: SECRET } },
      steps: [step],
    });
    signedFlow = signed.row.id;
    signedToken = signed.webhookToken!;
    openToken = (await createFlow(f.actor, { name: "Open hook", active: true, trigger: { type: "webhook" }, steps: [] })).webhookToken!;
  });
  afterAll(async () => {
    await closeEntry();
    await f.close();
  });
  beforeEach(() => {
    f.sink.requests.length = 0;
  });

  it("stores the raw event and its queued execution before answering 202, and the flow then runs", async () => {
    const body = JSON.stringify({ action: "opened", issue: { number: 7 } });
    const result = await deliver(signedToken, body, {
      "content-type": "application/json",
      "x-hub-signature-256": sign(body),
      "x-github-delivery": "d-1",
      "x-github-event": "issues",
    });
    expect(result.status).toBe(202);
    const [event] = await f.handle.db.select().from(webhookEvents).where(eq(webhookEvents.id, result.body.event_id));
    expect(Buffer.from(event.rawBody).toString()).toBe(body);
    expect(event.headers).toMatchObject({ "x-github-event": "issues", "x-hub-signature-256": sign(body) });
    expect(event.query).toEqual({ source: "test" });
    const [execution] = await f.handle.db.select().from(executions).where(eq(executions.id, result.body.execution_id));
    expect(execution).toMatchObject({ status: "queued", triggerType: "webhook", eventId: event.id });
    expect(f.sink.requests).toHaveLength(0);
    await f.drain();
    expect((await f.execution(result.body.execution_id)).status).toBe("succeeded");
    expect(JSON.parse(f.sink.requests[0].body)).toEqual({ action: "opened", who: "issues" });
  });

  it("answers a repeated delivery 200 duplicate with the first execution, and runs nothing", async () => {
    const body = JSON.stringify({ action: "closed" });
    const headers = { "content-type": "application/json", "x-hub-signature-256": sign(body), "x-github-delivery": "d-2" };
    const first = await deliver(signedToken, body, headers);
    const before = await counts();
    const again = await deliver(signedToken, body, headers);
    expect(again).toMatchObject({ status: 200, body: { duplicate: true, execution_id: first.body.execution_id, dedup_window_seconds: 86400 } });
    expect(await counts()).toEqual(before);
  });

  it("a burst of deliveries at once is stored together, each answered with its own ids; repeats inside it name the first", async () => {
    const before = await counts();
    const run = `burst-${Date.now()}`;
    const distinct = Array.from({ length: 40 }, (_, i) => deliver(openToken, `${run} ${i}`, { "content-type": "text/plain" }));
    const repeats = Array.from({ length: 8 }, () => deliver(openToken, `${run} repeated`, { "content-type": "text/plain", "webhook-id": run }));
    const answers = await Promise.all(distinct);
    const repeated = await Promise.all(repeats);

    expect(answers.map((a) => a.status)).toEqual(Array(40).fill(202));
    expect(new Set(answers.map((a) => a.body.execution_id)).size).toBe(40);
    for (const [i, answer] of answers.entries()) {
      const [event] = await f.handle.db.select().from(webhookEvents).where(eq(webhookEvents.id, answer.body.event_id));
      expect(Buffer.from(event.rawBody).toString()).toBe(`${run} ${i}`);
      const [execution] = await f.handle.db.select().from(executions).where(eq(executions.id, answer.body.execution_id));
      expect(execution.eventId).toBe(event.id);
    }
    const accepted = repeated.filter((a) => a.status === 202);
    expect(accepted).toHaveLength(1);
    for (const duplicate of repeated.filter((a) => a.status !== 202)) {
      expect(duplicate).toEqual({ status: 200, body: { duplicate: true, execution_id: accepted[0].body.execution_id, dedup_window_seconds: 86400 } });
    }
    expect(await counts()).toEqual({ events: before.events + 41, executions: before.executions + 41 });
  });

  it("refuses with the right status and stores nothing: bad token, wrong or missing signature, bad JSON, too big, wrong method, inactive flow", async () => {
    const before = await counts();
    const body = JSON.stringify({ action: "x" });
    const cases: [Promise<{ status: number; body: { error: { code: string; message: string } } }>, number, RegExp][] = [
      [deliver("A".repeat(43), body, { "content-type": "application/json" }), 404, /No webhook/],
      [deliver("short", body), 404, /No webhook/],
      [deliver(signedToken, body, { "content-type": "application/json", "x-hub-signature-256": sign(`${body} `) }), 401, /Signature/],
      [deliver(signedToken, body, { "content-type": "application/json" }), 401, /Signature/],
      [deliver(signedToken, "{not json", { "content-type": "application/json", "x-hub-signature-256": sign("{not json") }), 400, /JSON/],
      [deliver(openToken, "x".repeat(2 * 1024 * 1024), { "content-type": "text/plain" }), 413, /larger/],
      [deliver(openToken, "", {}, "GET"), 405, /accepts POST/],
    ];
    for (const [pending, status, message] of cases) {
      const result = await pending;
      expect(result.status, JSON.stringify(result.body)).toBe(status);
      expect(result.body.error.message).toMatch(message);
    }
    await setFlowActive(f.actor, signedFlow, false);
    const inactive = await deliver(signedToken, body, { "content-type": "application/json", "x-hub-signature-256": sign(body) });
    expect(inactive).toMatchObject({ status: 404, body: { error: { code: "flow_inactive" } } });
    await setFlowActive(f.actor, signedFlow, true);
    expect(await counts()).toEqual(before);
  });

  it("a remembered endpoint never changes an answer: a new version, a new secret, pausing and resuming count at once", async () => {
    const created = await createFlow(f.actor, { name: "Edited hook", active: true, trigger: { type: "webhook" }, steps: [] });
    const token = created.webhookToken!;
    const json = { "content-type": "application/json" };
    const first = await deliver(token, '{"n":1}', json);
    expect(first.status).toBe(202);
    expect((await f.execution(first.body.execution_id)).flowVersion).toBe(1);
    expect(cachedEndpoint(hashWebhookToken(token), Date.now()), "the endpoint is remembered").toBeDefined();

    // A new version with a signature scheme: the next unsigned delivery is refused, a signed
    // one runs the new version.
    await updateFlow(f.actor, created.row.id, {
      name: "Edited hook",
      active: true,
      trigger: { type: "webhook", signature: { scheme: "github", secret: SECRET } },
      steps: [],
    });
    expect((await deliver(token, '{"n":2}', json)).status).toBe(401);
    const signed = await deliver(token, '{"n":3}', { ...json, "x-hub-signature-256": sign('{"n":3}') });
    expect(signed.status).toBe(202);
    expect((await f.execution(signed.body.execution_id)).flowVersion).toBe(2);

    await setFlowActive(f.actor, created.row.id, false);
    const paused = await deliver(token, '{"n":4}', { ...json, "x-hub-signature-256": sign('{"n":4}') });
    expect(paused).toMatchObject({ status: 404, body: { error: { code: "flow_inactive" } } });
    await setFlowActive(f.actor, created.row.id, true);
    expect((await deliver(token, '{"n":5}', { ...json, "x-hub-signature-256": sign('{"n":5}') })).status).toBe(202);
  });

  it("a remembered endpoint never refuses what the endpoint now accepts: new secret, no signature, more methods, a larger limit", async () => {
    const OTHER = "rotated-secret-for-tests";
    const signWith = (secret: string, body: string) => `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
    const definition = (trigger: Record<string, unknown>) => ({ name: "Changing hook", active: true, trigger: { type: "webhook", ...trigger }, steps: [] });
    const created = await createFlow(f.actor, definition({ signature: { scheme: "github", secret: SECRET }, max_body_bytes: 2048 }));
    const token = created.webhookToken!;
    const json = { "content-type": "application/json" };
    expect((await deliver(token, '{"n":1}', { ...json, "x-hub-signature-256": signWith(SECRET, '{"n":1}') })).status).toBe(202);
    expect(cachedEndpoint(hashWebhookToken(token), Date.now())).toBeDefined();

    // The secret is rotated: the new one is accepted at once, the old one refused.
    await updateFlow(f.actor, created.row.id, definition({ signature: { scheme: "github", secret: OTHER }, max_body_bytes: 2048 }));
    expect((await deliver(token, '{"n":2}', { ...json, "x-hub-signature-256": signWith(OTHER, '{"n":2}') })).status).toBe(202);
    expect((await deliver(token, '{"n":3}', { ...json, "x-hub-signature-256": signWith(SECRET, '{"n":3}') })).status).toBe(401);

    // No signature any more, PUT allowed, and a larger body limit: each counts at once.
    await updateFlow(f.actor, created.row.id, definition({ methods: ["POST", "PUT"], max_body_bytes: 8192 }));
    expect((await deliver(token, '{"n":4}', json)).status).toBe(202);
    expect((await deliver(token, '{"n":5}', json, "PUT")).status).toBe(202);
    const big = JSON.stringify({ n: 6, pad: "x".repeat(4000) });
    expect((await deliver(token, big, { ...json, "content-length": String(big.length) })).status).toBe(202);
    // And a smaller limit too.
    await updateFlow(f.actor, created.row.id, definition({ max_body_bytes: 1024 }));
    const tooBig = JSON.stringify({ n: 7, pad: "x".repeat(2000) });
    expect((await deliver(token, tooBig, { ...json, "content-length": String(tooBig.length) })).status).toBe(413);
  });

  it("accepts form-encoded and raw bodies, and deduplicates unsigned repeats by body hash", async () => {
    const form = await deliver(openToken, "a=1&b=two&b=three", { "content-type": "application/x-www-form-urlencoded" });
    expect(form.status).toBe(202);
    const [formRun] = await f.handle.db.select().from(executions).where(eq(executions.id, form.body.execution_id));
    expect(formRun.triggerPayload).toMatchObject({ body: { a: "1", b: ["two", "three"] }, raw: "a=1&b=two&b=three" });
    const raw = await deliver(openToken, "plain words", { "content-type": "text/plain" });
    const [rawRun] = await f.handle.db.select().from(executions).where(eq(executions.id, raw.body.execution_id));
    expect(rawRun.triggerPayload).toMatchObject({ body: "plain words", raw: "plain words" });
    expect((await deliver(openToken, "plain words", { "content-type": "text/plain" })).body).toMatchObject({ duplicate: true });
  });

  it("a flood of headers is accepted with at most 40 of them kept (and never credentials)", async () => {
    const flood: Record<string, string> = { "content-type": "application/json", authorization: "Bearer not-for-the-log" };
    for (let i = 0; i < 150; i++) flood[`x-flood-${i}`] = "v".repeat(40);
    const result = await deliver(openToken, '{"flood":true}', flood);
    expect(result.status).toBe(202);
    const [event] = await f.handle.db.select().from(webhookEvents).where(eq(webhookEvents.id, result.body.event_id));
    const kept = Object.keys(event.headers as Record<string, string>);
    expect(kept.length).toBeLessThanOrEqual(40);
    expect(kept).not.toContain("authorization");
  });

  it("a __proto__ key is just data", async () => {
    const body = '{"__proto__":{"polluted":true},"action":"opened"}';
    const result = await deliver(signedToken, body, { "content-type": "application/json", "x-hub-signature-256": sign(body), "x-github-delivery": "d-proto" });
    expect(result.status).toBe(202);
    await f.drain();
    expect((await f.execution(result.body.execution_id)).status).toBe("succeeded");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("a NUL character is accepted: the raw body keeps it, the parsed body (which PostgreSQL cannot hold with it) has U+FFFD", async () => {
    const json = '{"text":"a\\u0000b","path":"C:\\\\u0000"}';
    const form = "note=a%00b";
    const answers = [
      await deliver(openToken, json, { "content-type": "application/json" }),
      await deliver(openToken, form, { "content-type": "application/x-www-form-urlencoded" }),
    ];
    expect(answers.map((a) => a.status)).toEqual([202, 202]);
    const [jsonEvent] = await f.handle.db.select().from(webhookEvents).where(eq(webhookEvents.id, answers[0].body.event_id));
    expect(Buffer.from(jsonEvent.rawBody).toString()).toBe(json);
    const jsonPayload = (await f.execution(answers[0].body.execution_id)).triggerPayload as { body: unknown };
    expect(jsonPayload.body).toEqual({ text: "a\ufffdb", path: "C:\\u0000" });
    const formPayload = (await f.execution(answers[1].body.execution_id)).triggerPayload as { body: unknown; raw: string };
    expect(formPayload.body).toEqual({ note: "a\ufffdb" });
    expect(formPayload.raw).toBe(form);
  });

  it("events can be listed, read raw, replayed; rotating the token retires the old URL", async () => {
    const { getWebhookEvent, listWebhookEvents, replayWebhookEvents, rotateWebhookToken, getWebhook } = await import(
      "@/lib/webhooks/events-service"
    );
    const body = JSON.stringify({ action: "reopened" });
    const sent = await deliver(signedToken, body, { "content-type": "application/json", "x-hub-signature-256": sign(body), "x-github-delivery": "d-replay" });
    const listed = await listWebhookEvents(f.actor, { flow_id: signedFlow, limit: 2 });
    expect(listed.data[0]).toMatchObject({ id: sent.body.event_id, method: "POST", content_type: "application/json" });
    expect(listed.next_cursor).toBeTruthy();
    const event = await getWebhookEvent(f.actor, sent.body.event_id);
    expect(event).toMatchObject({ body, body_encoding: "utf8", headers: { "x-github-delivery": "d-replay" } });
    const [replayed] = await replayWebhookEvents(f.actor, { event_ids: [sent.body.event_id] });
    expect(replayed).not.toBe(sent.body.execution_id);
    const [row] = await f.handle.db.select().from(executions).where(eq(executions.id, replayed));
    expect(row.triggerPayload).toMatchObject({ body: { action: "reopened" }, replayed: true });
    expect((await getWebhook(f.actor, signedFlow)).signature_scheme).toBe("github");

    const fresh = await rotateWebhookToken(f.actor, signedFlow);
    const headers = (b: string, id: string) => ({ "content-type": "application/json", "x-hub-signature-256": sign(b), "x-github-delivery": id });
    expect((await deliver(signedToken, body, headers(body, "d-old"))).status).toBe(404);
    expect((await deliver(fresh, body, headers(body, "d-new"))).status).toBe(202);
    signedToken = fresh;
  });
});
