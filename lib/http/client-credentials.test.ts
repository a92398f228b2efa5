import { afterEach, describe, expect, it } from "vitest";
import { outboundFetch } from "./client";
import { OutboundBlockedError } from "./errors";
import { startTestServer, type TestServer } from "./test-server";

// Credentials reach only declared hosts. Two local servers stand for two hosts: one is
// reached as 127.0.0.1 (declared), the other as localhost (allowed, not declared).

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function server(handler: Parameters<typeof startTestServer>[0]): Promise<TestServer> {
  const s = await startTestServer(handler, { maxRequests: 10 });
  servers.push(s);
  return s;
}

const credentials = (hosts: string[]) => ({
  headers: { Authorization: "Bearer tok_live_0123456789", "X-Api-Key": "key-abcdef" },
  query: { api_key: "q-secret-987" },
  hosts,
});

describe("outboundFetch credentials", () => {
  it("attaches credential headers and query only to a declared host", async () => {
    const api = await server((_req, res) => res.end("ok"));
    const response = await outboundFetch(
      { url: `${api.origin}/v1/items`, query: { limit: 5 } },
      { allow: [`127.0.0.1:${api.port}`], credentials: credentials(["127.0.0.1"]) },
    );
    const seen = api.requests[0];
    expect(seen.headers.authorization).toBe("Bearer tok_live_0123456789");
    expect(seen.headers["x-api-key"]).toBe("key-abcdef");
    expect(seen.url).toBe("/v1/items?limit=5&api_key=q-secret-987");
    // The URL handed back (and logged by callers) never carries the credential.
    expect(response.url).toBe(`${api.origin}/v1/items?limit=5`);
  });

  it("sends nothing of the credential to a host that is not declared", async () => {
    const api = await server((_req, res) => res.end("ok"));
    await outboundFetch(
      { url: `${api.origin}/` },
      { allow: [`127.0.0.1:${api.port}`], credentials: credentials(["api.example.com", "*.example.com"]) },
    );
    expect(api.requests[0].headers.authorization).toBeUndefined();
    expect(api.requests[0].headers["x-api-key"]).toBeUndefined();
    expect(api.requests[0].url).toBe("/");
  });

  it("keeps credentials on a redirect within the declared host", async () => {
    const api = await server((req, res) => {
      if (req.url?.startsWith("/old")) res.writeHead(301, { location: "/new" }).end();
      else res.end("moved");
    });
    const response = await outboundFetch(
      { url: `${api.origin}/old` },
      { allow: [`127.0.0.1:${api.port}`], credentials: credentials(["127.0.0.1"]) },
    );
    expect(response.redirected).toBe(true);
    expect(response.url).toBe(`${api.origin}/new`);
    expect(api.requests.map((r) => r.headers.authorization)).toEqual(["Bearer tok_live_0123456789", "Bearer tok_live_0123456789"]);
  });

  it("drops credentials, Authorization and Cookie when a redirect leaves the declared host", async () => {
    const elsewhere = await server((_req, res) => res.end("landed"));
    const api = await server((_req, res) => {
      res.writeHead(302, { location: `http://localhost:${elsewhere.port}/landing?x=1` }).end();
    });
    const response = await outboundFetch(
      { url: `${api.origin}/start`, headers: { Cookie: "session=abc", Authorization: "Bearer caller-own-token", "X-Trace": "t1" } },
      {
        allow: [`127.0.0.1:${api.port}`, `localhost:${elsewhere.port}`],
        credentials: { headers: { "X-Api-Key": "key-abcdef" }, query: { api_key: "q-secret-987" }, hosts: ["127.0.0.1"] },
      },
    );
    expect(response.text()).toBe("landed");
    expect(api.requests[0].headers["x-api-key"]).toBe("key-abcdef");
    expect(api.requests[0].headers.cookie).toBe("session=abc");

    expect(elsewhere.requests).toHaveLength(1);
    const seen = elsewhere.requests[0];
    expect(seen.headers.authorization).toBeUndefined();
    expect(seen.headers["x-api-key"]).toBeUndefined();
    expect(seen.headers.cookie).toBeUndefined();
    expect(seen.headers["x-trace"]).toBe("t1");
    expect(seen.url).toBe("/landing?x=1");
  });

  it("refuses userinfo that would smuggle a declared host name in front of another host", async () => {
    const evil = await server((_req, res) => res.end("stolen"));
    await expect(
      outboundFetch(
        { url: `http://api.example.com@127.0.0.1:${evil.port}/` },
        { allow: [`127.0.0.1:${evil.port}`], credentials: credentials(["api.example.com"]) },
      ),
    ).rejects.toBeInstanceOf(OutboundBlockedError);
    expect(evil.requests).toHaveLength(0);
  });

  it("lets the caller's beforeRequest hook run per hop and pass its own errors through", async () => {
    const api = await server((req, res) => {
      if (req.url?.startsWith("/a")) res.writeHead(307, { location: "/b" }).end();
      else res.end("ok");
    });
    const hops: string[] = [];
    await outboundFetch(
      { url: `${api.origin}/a` },
      { allow: [`127.0.0.1:${api.port}`], credentials: credentials(["127.0.0.1"]), beforeRequest: (hop) => void hops.push(`${hop.redirect}:${hop.url}`) },
    );
    expect(hops).toEqual([`0:${api.origin}/a`, `1:${api.origin}/b`]);

    class RateLimited extends Error {}
    await expect(
      outboundFetch({ url: `${api.origin}/b` }, { allow: [`127.0.0.1:${api.port}`], beforeRequest: () => { throw new RateLimited("slow down"); } }),
    ).rejects.toBeInstanceOf(RateLimited);
    expect(api.requests).toHaveLength(2);
  });
});
