import { afterEach, describe, expect, it } from "vitest";
import { closePooledAgents } from "./agent-pool";
import { outboundFetch } from "./client";
import { OutboundBlockedError, OutboundTimeoutError, ResponseTooLargeError } from "./errors";
import { startTestServer, type TestServer } from "./test-server";

// Kept-alive connections (agent-pool.ts): reused across calls, never past the SSRF guard,
// never carrying one call's leftovers into the next.

const servers: TestServer[] = [];
afterEach(async () => {
  await closePooledAgents();
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function server(handler: Parameters<typeof startTestServer>[0]): Promise<{ s: TestServer; allow: string[] }> {
  const s = await startTestServer(handler, { maxRequests: 20 });
  servers.push(s);
  return { s, allow: [`127.0.0.1:${s.port}`] };
}

/** Waits (at most 5 s) until the server has exactly `n` connections open. */
async function openConnections(s: TestServer, n: number): Promise<void> {
  for (const started = Date.now(); s.open() !== n; ) {
    if (Date.now() - started > 5_000) throw new Error(`expected ${n} open connection(s), the server has ${s.open()}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const echo: Parameters<typeof startTestServer>[0] = (req, res, recorded) => {
  res.writeHead(200, { "content-type": "application/json" });
  res.end(JSON.stringify({ url: req.url, body: recorded.body, auth: req.headers.authorization ?? null }));
};

describe("outboundFetch connection reuse", () => {
  it("sends consecutive calls to one origin over kept-alive connections", async () => {
    const { s, allow } = await server(echo);
    for (let n = 1; n <= 10; n++) {
      const response = await outboundFetch({ method: "POST", url: `${s.origin}/n${n}`, body: `{"n":${n}}` }, { allow });
      expect(response.json()).toEqual({ url: `/n${n}`, body: `{"n":${n}}`, auth: null });
    }
    expect(s.requests).toHaveLength(10);
    // undici may open a second connection while the first is being handed back; never one per call.
    expect(s.connections()).toBeLessThanOrEqual(2);
    // They stay open for the next call until idle too long (or closePooledAgents).
    expect(s.open()).toBe(s.connections());
  });

  it("does not let a call without the allow-list entry use a connection opened under it", async () => {
    const { s, allow } = await server(echo);
    expect((await outboundFetch({ url: `${s.origin}/allowed` }, { allow })).status).toBe(200);
    // A socket to this loopback origin is open and idle in the pool of that allow-list.
    const refused = await outboundFetch({ url: `${s.origin}/not-allowed` }, { allow: [] }).then(() => null, (e: unknown) => e);
    expect(refused).toBeInstanceOf(OutboundBlockedError);
    expect(s.requests.map((r) => r.url)).toEqual(["/allowed"]);
  });

  it("sends credentials only with the call they belong to", async () => {
    const { s, allow } = await server(echo);
    const credentials = { headers: { authorization: "Bearer first-call-secret" }, hosts: ["127.0.0.1"] };
    expect((await outboundFetch({ url: `${s.origin}/a` }, { allow, credentials })).json()).toMatchObject({ auth: "Bearer first-call-secret" });
    expect((await outboundFetch({ url: `${s.origin}/b` }, { allow })).json()).toMatchObject({ auth: null });
    expect((await outboundFetch({ url: `${s.origin}/c` }, { allow })).json()).toMatchObject({ auth: null });
    expect(s.connections()).toBeLessThanOrEqual(2);
  });

  it("drops a connection whose body was cut at the size cap; the next call gets a fresh one and a whole answer", async () => {
    const { s, allow } = await server((req, res) => {
      if (req.url === "/big") {
        res.writeHead(200, { "content-type": "text/plain" });
        res.end("x".repeat(64 * 1024));
        return;
      }
      res.writeHead(200, { "content-type": "text/plain" });
      res.end("small");
    });
    const cut = await outboundFetch({ url: `${s.origin}/big` }, { allow, maxResponseBytes: 1024 }).then(() => null, (e: unknown) => e);
    expect(cut).toBeInstanceOf(ResponseTooLargeError);
    // The only connection was the cut one, and it is gone.
    await openConnections(s, 0);
    expect((await outboundFetch({ url: `${s.origin}/small` }, { allow })).text()).toBe("small");
    expect(s.requests.map((r) => r.url)).toEqual(["/big", "/small"]);
  });

  it("drops a connection whose call timed out; a late answer never reaches the next call", async () => {
    const { s, allow } = await server((req, res) => {
      const answer = () => {
        res.writeHead(200, { "content-type": "text/plain" });
        res.end(req.url);
      };
      if (req.url === "/slow") setTimeout(answer, 500);
      else answer();
    });
    const timedOut = await outboundFetch({ url: `${s.origin}/slow` }, { allow, timeoutMs: 100 }).then(() => null, (e: unknown) => e);
    expect(timedOut).toBeInstanceOf(OutboundTimeoutError);
    await openConnections(s, 0);
    expect((await outboundFetch({ url: `${s.origin}/fast` }, { allow })).text()).toBe("/fast");
    // Past the moment the slow answer would have come: the next call still reads its own.
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect((await outboundFetch({ url: `${s.origin}/fast-again` }, { allow })).text()).toBe("/fast-again");
  });

  it("gives a call with its own connect timeout a connection of its own, closed after it", async () => {
    const { s, allow } = await server(echo);
    await outboundFetch({ url: `${s.origin}/pooled` }, { allow });
    expect([s.connections(), s.open()]).toEqual([1, 1]);
    await outboundFetch({ url: `${s.origin}/own` }, { allow, connectTimeoutMs: 5_000 });
    expect(s.connections()).toBe(2);
    await openConnections(s, 1);
    await outboundFetch({ url: `${s.origin}/own-again` }, { allow, connectTimeoutMs: 5_000 });
    expect(s.connections()).toBe(3);
    await openConnections(s, 1);
    await outboundFetch({ url: `${s.origin}/pooled-again` }, { allow });
    expect(s.connections()).toBe(3);
  });
});
