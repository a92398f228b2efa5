import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outboundFetch } from "./client";
import { InvalidOutboundRequestError, OutboundBlockedError } from "./errors";
import { startTestServer, type TestServer } from "./test-server";

// The SSRF guard against real sockets: a local server that records every request proves a
// refused call never reached it, not merely that an error was thrown.

let target: TestServer;
let other: TestServer;

beforeAll(async () => {
  target = await startTestServer((_req, res) => res.end("reached"), { maxRequests: 30 });
  other = await startTestServer((_req, res) => res.end("other reached"), { maxRequests: 5 });
});
afterAll(async () => {
  await Promise.all([target.close(), other.close()]);
});

async function refusal(promise: Promise<unknown>): Promise<OutboundBlockedError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(OutboundBlockedError);
  return error as OutboundBlockedError;
}

describe("outboundFetch SSRF guard", () => {
  it("refuses loopback without an allow-list entry, before even connecting", async () => {
    const before = target.requests.length;
    const connectionsBefore = target.connections();
    const error = await refusal(outboundFetch({ url: `${target.origin}/` }, { allow: [] }));
    expect(error.transient).toBe(false);
    expect(error.address).toBe("127.0.0.1");
    expect(error.message).toMatch(/127\.0\.0\.1.*loopback/);
    expect(target.requests.length).toBe(before);
    expect(target.connections()).toBe(connectionsBefore);
  });

  it("lets an allow-listed host:port through", async () => {
    const response = await outboundFetch({ url: `${target.origin}/ok` }, { allow: [`127.0.0.1:${target.port}`] });
    expect(response.status).toBe(200);
    expect(response.text()).toBe("reached");
    expect(target.requests.at(-1)?.url).toBe("/ok");
  });

  it("does not open other ports of an allowed host", async () => {
    await refusal(outboundFetch({ url: `${other.origin}/` }, { allow: [`127.0.0.1:${target.port}`] }));
    expect(other.requests).toHaveLength(0);
  });

  it("reads the allow-list from JUNCTION_OUTBOUND_ALLOW when none is passed", async () => {
    const { resetEnvCache } = await import("../env");
    const saved = process.env.JUNCTION_OUTBOUND_ALLOW;
    process.env.JUNCTION_OUTBOUND_ALLOW = `127.0.0.1:${target.port}`;
    resetEnvCache();
    try {
      expect((await outboundFetch({ url: `${target.origin}/env` })).status).toBe(200);
      await refusal(outboundFetch({ url: `${other.origin}/` }));
    } finally {
      if (saved === undefined) delete process.env.JUNCTION_OUTBOUND_ALLOW;
      else process.env.JUNCTION_OUTBOUND_ALLOW = saved;
      resetEnvCache();
    }
  });

  it("checks the resolved address of a host name: localhost is refused at lookup, before connecting", async () => {
    const before = target.requests.length;
    const connectionsBefore = target.connections();
    const error = await refusal(outboundFetch({ url: `http://localhost:${target.port}/` }, { allow: [] }));
    expect(error.address).toMatch(/^(127\.|::1$)/);
    expect(error.message).toMatch(/localhost.*resolved to/);
    expect(target.requests.length).toBe(before);
    expect(target.connections()).toBe(connectionsBefore);
  });

  it.each([
    ["decimal", "http://2130706433:PORT/"],
    ["hex dotted", "http://0x7f.0.0.1:PORT/"],
    ["hex whole", "http://0x7f000001:PORT/"],
    ["octal", "http://0177.0.0.1:PORT/"],
    ["short", "http://127.1:PORT/"],
    ["trailing dot", "http://127.0.0.1.:PORT/"],
    ["IPv6 loopback", "http://[::1]:PORT/"],
    ["IPv4-mapped dotted", "http://[::ffff:127.0.0.1]:PORT/"],
    ["IPv4-mapped hex", "http://[::ffff:7f00:1]:PORT/"],
    ["NAT64 of loopback", "http://[64:ff9b::7f00:1]:PORT/"],
    ["6to4 of loopback", "http://[2002:7f00:1::]:PORT/"],
    ["unspecified v4", "http://0.0.0.0:PORT/"],
    ["unspecified v6", "http://[::]:PORT/"],
    ["metadata v4", "http://169.254.169.254/latest/meta-data/"],
    ["metadata v6", "http://[fd00:ec2::254]/latest/meta-data/"],
    ["private", "http://10.0.0.1/"],
    ["private 172", "http://172.16.5.4/"],
    ["private 192", "http://192.168.0.1/"],
    ["CGNAT", "http://100.64.0.1/"],
    ["link-local v6", "http://[fe80::1]/"],
    ["unique-local v6", "http://[fd00::1]/"],
    ["multicast", "http://224.0.0.1/"],
    ["broadcast", "http://255.255.255.255/"],
  ])("refuses the %s form %s", async (_name, url) => {
    const before = target.connections();
    await refusal(outboundFetch({ url: url.replace("PORT", String(target.port)) }, { allow: [], timeoutMs: 2_000 }));
    expect(target.connections()).toBe(before);
  });

  it("refuses URLs with userinfo, even toward an allowed target", async () => {
    const allow = [`127.0.0.1:${target.port}`];
    for (const url of [`http://api.example.com@127.0.0.1:${target.port}/`, `http://user:pass@127.0.0.1:${target.port}/`]) {
      const error = await refusal(outboundFetch({ url }, { allow }));
      expect(error.message).toMatch(/userinfo/);
      expect(error.message).not.toContain("pass@");
    }
  });

  it.each(["file:///etc/passwd", "ftp://example.com/", "data:text/plain,hi", "gopher://127.0.0.1:70/"])(
    "refuses the non-http scheme of %s",
    async (url) => {
      const error = await refusal(outboundFetch({ url }, { allow: [] }));
      expect(error.message).toMatch(/only http and https/);
    },
  );

  it("refuses a redirect from an allowed server to a loopback port that is not allowed", async () => {
    const hop = await startTestServer((_req, res) => {
      res.writeHead(302, { location: `http://127.0.0.1:${other.port}/internal` }).end();
    });
    try {
      const error = await refusal(outboundFetch({ url: `${hop.origin}/start` }, { allow: [`127.0.0.1:${hop.port}`] }));
      expect(error.address).toBe("127.0.0.1");
      expect(hop.requests).toHaveLength(1);
      expect(other.requests).toHaveLength(0);
      expect(other.connections()).toBe(0);
    } finally {
      await hop.close();
    }
  });

  it("refuses a redirect to a non-http scheme", async () => {
    const hop = await startTestServer((_req, res) => res.writeHead(301, { location: "file:///etc/passwd" }).end());
    try {
      await refusal(outboundFetch({ url: hop.origin }, { allow: [`127.0.0.1:${hop.port}`] }));
    } finally {
      await hop.close();
    }
  });

  it("rejects unusable requests with a typed error", async () => {
    await expect(outboundFetch({ url: "not a url" }, { allow: [] })).rejects.toBeInstanceOf(InvalidOutboundRequestError);
    await expect(outboundFetch({ url: target.origin, method: "CONNECT" }, { allow: [] })).rejects.toBeInstanceOf(InvalidOutboundRequestError);
    await expect(outboundFetch({ url: target.origin }, { allow: ["nonsense"] })).rejects.toBeInstanceOf(InvalidOutboundRequestError);
    await expect(outboundFetch({ url: target.origin }, { timeoutMs: -1 })).rejects.toBeInstanceOf(InvalidOutboundRequestError);
    await expect(
      outboundFetch({ url: target.origin, headers: { "x-injected": "a\r\nHost: evil" } }, { allow: [`127.0.0.1:${target.port}`] }),
    ).rejects.toBeInstanceOf(InvalidOutboundRequestError);
  });
});
