import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { startTestServer, type TestServer } from "@/lib/http/test-server";
import { checkCredentials } from "./check-credentials";
import { customDefinition } from "./custom-connector";

let hang: TestServer;
beforeAll(async () => {
  // Accepts the request and never answers.
  hang = await startTestServer(() => new Promise(() => {}), { maxRequests: 5 });
  process.env.JUNCTION_OUTBOUND_ALLOW = `127.0.0.1:${hang.port}`;
  resetEnvCache();
});
afterAll(async () => {
  delete process.env.JUNCTION_OUTBOUND_ALLOW;
  resetEnvCache();
  await hang.close();
});

const def = () =>
  customDefinition({
    slug: "custom-slow",
    name: "Slow API",
    definition: { base_url: hang.origin, auth_type: "bearer", validate_path: "/me" },
  });

describe("checkCredentials", () => {
  it("a service that never answers is a transient failure after the timeout", async () => {
    const started = Date.now();
    const outcome = await checkCredentials(def(), { authType: "bearer", values: { token: "tok-secret-value" } }, {
      timeoutMs: 300,
    });
    expect(outcome).toMatchObject({ ok: false, reason: "transient" });
    expect(outcome && !outcome.ok && outcome.message).toMatch(/Slow API/);
    expect(outcome && !outcome.ok && outcome.message).not.toContain("tok-secret-value");
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("a private address not on the allow-list is refused without a request", async () => {
    const blocked = customDefinition({
      slug: "custom-internal",
      name: "Internal",
      definition: { base_url: "http://10.1.2.3:8080", auth_type: "bearer", validate_path: "/me" },
    });
    const outcome = await checkCredentials(blocked, { authType: "bearer", values: { token: "x-token" } });
    expect(outcome).toMatchObject({ ok: false, reason: "invalid" });
    expect(outcome && !outcome.ok && outcome.message).toMatch(/10\.1\.2\.3|private|not allowed|blocked/i);
  });

  it("is null for a connector without a check", async () => {
    const none = customDefinition({ slug: "custom-n", name: "N", definition: { base_url: "https://n.example.com", auth_type: "none" } });
    expect(await checkCredentials(none, { authType: "none", values: {} })).toBeNull();
  });
});

describe("checkCredentials with a service that echoes the credential", () => {
  it("redacts it from the outcome's message", async () => {
    const echo = await startTestServer((req, res) => {
      res.writeHead(401, { "content-type": "application/json" });
      res.end(JSON.stringify({ message: `token ${String(req.headers.authorization).slice(7)} is revoked` }));
    });
    const previous = process.env.JUNCTION_OUTBOUND_ALLOW;
    process.env.JUNCTION_OUTBOUND_ALLOW = `127.0.0.1:${echo.port}`;
    resetEnvCache();
    try {
      const def = customDefinition({
        slug: "custom-echo",
        name: "Echo",
        definition: { base_url: echo.origin, auth_type: "bearer", validate_path: "/me" },
      });
      const outcome = await checkCredentials(def, { authType: "bearer", values: { token: "SECRET-abcdef123456" } });
      expect(outcome).toMatchObject({ ok: false, reason: "invalid" });
      expect(outcome && !outcome.ok && outcome.message).toContain("is revoked");
      expect(outcome && !outcome.ok && outcome.message).not.toContain("SECRET-abcdef123456");
    } finally {
      process.env.JUNCTION_OUTBOUND_ALLOW = previous;
      resetEnvCache();
      await echo.close();
    }
  });
});
