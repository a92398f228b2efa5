import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { dispatchResultOf, fanOutTarget, ownOriginEntry, runBudgetWithin, runUrl } from "./fan-out-target";
import { checkInternalAuthorization, internalRunSecret } from "./internal-auth";

const CRON_SECRET = "a-cron-secret-of-32-characters!!";
const ID = "6f1c2a4e-8b3d-4c5e-9f70-1a2b3c4d5e6f";

describe("fan-out target", () => {
  it("is null unless JUNCTION_FANOUT=on", () => {
    expect(fanOutTarget(parseEnv({ CRON_SECRET, JUNCTION_PUBLIC_URL: "https://hub.example.com" }))).toBeNull();
    expect(fanOutTarget(parseEnv({ CRON_SECRET, JUNCTION_PUBLIC_URL: "https://hub.example.com", JUNCTION_FANOUT: "off" }))).toBeNull();
  });

  it("calls the deployment's own Vercel URL before the public URL, with the derived secret and the bypass secret", () => {
    const onVercel = fanOutTarget(
      parseEnv({ JUNCTION_FANOUT: "on", CRON_SECRET, JUNCTION_PUBLIC_URL: "https://hub.example.com", VERCEL_URL: "hub-git-x.vercel.app", VERCEL_AUTOMATION_BYPASS_SECRET: "bypass" }),
    );
    expect(onVercel).toEqual({ baseUrl: "https://hub-git-x.vercel.app", secret: internalRunSecret(CRON_SECRET), bypassSecret: "bypass" });
    expect(fanOutTarget(parseEnv({ JUNCTION_FANOUT: "on", CRON_SECRET, JUNCTION_PUBLIC_URL: "http://10.0.0.5:3000" }))).toMatchObject({
      baseUrl: "http://10.0.0.5:3000",
      bypassSecret: undefined,
    });
  });

  it("builds the run URL under the base, keeping a base path", () => {
    expect(runUrl("https://hub.example.com", ID).href).toBe(`https://hub.example.com/api/internal/executions/${ID}/run`);
    expect(runUrl("https://example.com/junction", ID).href).toBe(`https://example.com/junction/api/internal/executions/${ID}/run`);
    expect(runUrl("https://example.com/junction/", ID).href).toBe(`https://example.com/junction/api/internal/executions/${ID}/run`);
  });

  it("lets exactly the deployment's own host:port through the outbound guard", () => {
    expect(ownOriginEntry("http://127.0.0.1:41234")).toBe("127.0.0.1:41234");
    expect(ownOriginEntry("https://hub.example.com/junction")).toBe("hub.example.com:443");
    expect(ownOriginEntry("http://[::1]:3000")).toBe("[::1]:3000");
  });

  it("counts only the route's own answers as dispatched or declined", () => {
    expect(dispatchResultOf(202, { execution_id: ID, started: true })).toBe("dispatched");
    expect(dispatchResultOf(409, { execution_id: ID, started: false, reason: "running" })).toBe("declined");
    expect(dispatchResultOf(404, { execution_id: ID, started: false, reason: "unknown" })).toBe("declined");
    expect(dispatchResultOf(404, null)).toBe("failed"); // another app's page
    expect(dispatchResultOf(503, { error: { code: "x" } })).toBe("failed");
    expect(dispatchResultOf(200, { execution_id: ID, started: true })).toBe("failed");
    expect(dispatchResultOf(401, { error: { code: "unauthorized" } })).toBe("failed");
  });

  it("ends a run's budget well before the function's limit", () => {
    expect(runBudgetWithin(300_000, 50_000)).toBe(50_000);
    expect(runBudgetWithin(300_000, 900_000)).toBe(270_000);
    expect(runBudgetWithin(20_000, 50_000)).toBe(1_000);
  });
});

describe("internal secret", () => {
  it("is derived from CRON_SECRET, stable, and never CRON_SECRET itself", () => {
    expect(internalRunSecret(CRON_SECRET)).toBe(internalRunSecret(CRON_SECRET));
    expect(internalRunSecret(CRON_SECRET)).not.toBe(internalRunSecret(`${CRON_SECRET}2`));
    expect(internalRunSecret(CRON_SECRET)).not.toContain(CRON_SECRET);
    expect(internalRunSecret(CRON_SECRET)).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it("admits only the derived secret, and only with fan-out on", () => {
    const env = parseEnv({ JUNCTION_FANOUT: "on", CRON_SECRET, JUNCTION_PUBLIC_URL: "https://hub.example.com" });
    const call = (authorization?: string) => new Request("https://hub.example.com/x", { method: "POST", headers: authorization ? { authorization } : {} });
    expect(checkInternalAuthorization(call(`Bearer ${internalRunSecret(CRON_SECRET)}`), env)).toBeNull();
    expect(checkInternalAuthorization(call(`bearer   ${internalRunSecret(CRON_SECRET)}`), env)).toBeNull();
    expect(checkInternalAuthorization(call(`Bearer ${CRON_SECRET}`), env)?.status).toBe(401);
    expect(checkInternalAuthorization(call(), env)?.message).toContain("Authorization: Bearer");
    const off = parseEnv({ CRON_SECRET });
    expect(checkInternalAuthorization(call(`Bearer ${internalRunSecret(CRON_SECRET)}`), off)).toMatchObject({ status: 403, code: "fanout_disabled" });
  });
});
