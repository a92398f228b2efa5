import { Agent, request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { queryRows } from "@/lib/db/types";
import { engineFixture, type EngineFixture } from "@/lib/engine/testing/engine-fixture";
import { resetEnvCache } from "@/lib/env";
import { createFlow } from "@/lib/flows/flow-store";
import type { TestServer } from "@/lib/http/test-server";
import { webhookToken } from "./node-listener";
import { sendOverHttp, startWebhookListener } from "./testing/listener-server";

// What the production server's listener adds to the endpoint's behaviour (tested through both
// entries in app/api/webhooks/[token]/webhooks.test.ts): which requests it takes, bodies
// refused part-read, connections kept, and runs started after the answer.

describe("webhookToken", () => {
  it("takes POST, PUT and GET on /api/webhooks/{token} (with or without a query) and nothing else", () => {
    expect(webhookToken("POST", "/api/webhooks/abc_DEF-123")).toBe("abc_DEF-123");
    expect(webhookToken("PUT", "/api/webhooks/abc?x=1&y=2")).toBe("abc");
    expect(webhookToken("GET", "/api/webhooks/abc")).toBe("abc");
    expect(webhookToken("POST", "/api/webhooks/a%2Fb")).toBe("a/b");
    expect(webhookToken("POST", "/api/webhooks/%E0%A4%A")).toBe("%E0%A4%A");
    for (const [method, url] of [
      ["HEAD", "/api/webhooks/abc"],
      ["OPTIONS", "/api/webhooks/abc"],
      ["DELETE", "/api/webhooks/abc"],
      ["POST", "/api/webhooks/"],
      ["POST", "/api/webhooks/abc/more"],
      ["POST", "/api/webhooksabc"],
      ["POST", "/api/v1/flows"],
      [undefined, "/api/webhooks/abc"],
      ["POST", undefined],
    ] as const) {
      expect(webhookToken(method, url), `${method} ${url}`).toBeNull();
    }
  });
});

describe("the production server's webhook listener over HTTP", () => {
  let f: EngineFixture;
  let listener: TestServer;
  let token: string;
  let smallLimitToken: string;

  const stored = async () =>
    (await queryRows<{ n: number }>(f.handle.db, sql`select count(*)::int as n from webhook_events`))[0].n;

  beforeAll(async () => {
    f = await engineFixture();
    listener = await startWebhookListener();
    token = (await createFlow(f.actor, { name: "Listener hook", active: true, trigger: { type: "webhook" }, steps: [] })).webhookToken!;
    smallLimitToken = (
      await createFlow(f.actor, { name: "Small hook", active: true, trigger: { type: "webhook", max_body_bytes: 1024 }, steps: [] })
    ).webhookToken!;
  });
  afterAll(async () => {
    await listener.close();
    await f.close();
  });

  it("answers 413 to a streamed body over the limit once it passes the limit, and stores nothing", async () => {
    const before = await stored();
    const answer = await sendOverHttp(`${listener.origin}/api/webhooks/${smallLimitToken}`, {
      headers: { "content-type": "text/plain" },
      body: "x".repeat(3 * 1024 * 1024),
      chunked: true,
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.text)).toMatchObject({ error: { code: "payload_too_large" } });
    expect(await stored()).toBe(before);
  });

  it("keeps the connection for the next delivery after refusing a body it did not read", async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const post = async (path: string, body: string) =>
      (await sendOverHttp(`${listener.origin}${path}`, { body, agent, headers: { "content-type": "application/json" } })).status;
    const connectionsBefore = listener.connections();
    // Bodies far larger than what arrives with the headers, refused before being read.
    expect(await post(`/api/webhooks/${"A".repeat(43)}`, "x".repeat(1024 * 1024))).toBe(404);
    expect(await post(`/api/webhooks/${smallLimitToken}`, "x".repeat(512 * 1024))).toBe(413);
    expect(await post(`/api/webhooks/${token}`, '{"after":"two refusals"}')).toBe(202);
    expect(listener.connections() - connectionsBefore, "one connection for all three").toBe(1);
    agent.destroy();
  });

  it("answers 431 to headers over Node's 16 KiB limit, before anything is stored", async () => {
    const before = await stored();
    const headers: Record<string, string> = { "content-type": "application/json" };
    for (let i = 0; i < 100; i++) headers[`x-flood-${i}`] = "v".repeat(200);
    const answer = await sendOverHttp(`${listener.origin}/api/webhooks/${token}`, { headers, body: '{"flood":"too much"}' });
    expect(answer.status).toBe(431);
    expect(await stored()).toBe(before);
  });

  it("stores the x-forwarded-* headers Next would add, without overriding the sender's", async () => {
    const answer = await sendOverHttp(`${listener.origin}/api/webhooks/${token}`, {
      headers: { "content-type": "application/json", "x-forwarded-proto": "https" },
      body: '{"headers":"forwarded"}',
    });
    const { event_id: id } = JSON.parse(answer.text) as { event_id: string };
    const [event] = await queryRows<{ headers: Record<string, string> }>(f.handle.db, sql`select headers from webhook_events where id = ${id}`);
    expect(event.headers).toMatchObject({
      "x-forwarded-proto": "https",
      "x-forwarded-host": `127.0.0.1:${listener.port}`,
      "x-forwarded-port": String(listener.port),
      "x-forwarded-for": "127.0.0.1",
    });
  });

  it("a sender that goes away mid-body leaves nothing stored, and the listener serves on", async () => {
    const before = await stored();
    await new Promise<void>((resolve) => {
      const req = httpRequest(`${listener.origin}/api/webhooks/${token}`, {
        method: "POST",
        headers: { "content-type": "application/json", "content-length": "100000" },
      });
      req.on("error", () => resolve());
      req.write('{"partial":');
      setTimeout(() => {
        req.destroy();
        resolve();
      }, 100);
    });
    await new Promise((r) => setTimeout(r, 100));
    expect(await stored()).toBe(before);
    const next = await sendOverHttp(`${listener.origin}/api/webhooks/${token}`, { headers: { "content-type": "application/json" }, body: '{"after":"an abort"}' });
    expect(next.status).toBe(202);
  });

  it("with JUNCTION_WEBHOOK_RUNS=inline (the default) starts the run once the answer is sent", async () => {
    delete process.env.JUNCTION_WEBHOOK_RUNS;
    resetEnvCache();
    const answer = await sendOverHttp(`${listener.origin}/api/webhooks/${token}`, {
      headers: { "content-type": "application/json" },
      body: '{"run":"inline"}',
    });
    expect(answer.status).toBe(202);
    const { execution_id: id } = JSON.parse(answer.text) as { execution_id: string };
    let status = "";
    for (const deadline = Date.now() + 10_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 50))) {
      status = (await f.execution(id)).status;
      if (status === "succeeded") break;
    }
    expect(status, "ran without a drain or a tick").toBe("succeeded");
  });
});
