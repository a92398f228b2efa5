import { callRoute, type RouteCall, type RouteHandler } from "@/lib/api/testing";
import { randomUUID } from "node:crypto";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { POST as acknowledge } from "@/app/api/v1/alerts/[id]/acknowledge/route";
import { POST as resolve } from "@/app/api/v1/alerts/[id]/resolve/route";
import { GET as getAlert } from "@/app/api/v1/alerts/[id]/route";
import { GET as listAlerts } from "@/app/api/v1/alerts/route";
import { DELETE as deleteChannel } from "@/app/api/v1/notification-channels/[id]/route";
import { POST as testChannel } from "@/app/api/v1/notification-channels/[id]/test/route";
import { GET as listChannels, POST as createChannel } from "@/app/api/v1/notification-channels/route";
import { sendgrid } from "@/lib/connectors/sendgrid";
import { createApiKey } from "@/lib/db/queries/api-keys";
import { ensureAuthUser } from "@/lib/db/queries/users";
import { createWorkspace } from "@/lib/db/queries/workspaces";
import { alerts, executions, notificationChannels, workspaceMembers } from "@/lib/db/schema";
import { engineFixture, type EngineFixture } from "@/lib/engine/testing/engine-fixture";
import type { RecordedRequest } from "@/lib/http/test-server";
import { checkErrorRate } from "./error-rate";
import { notifyOpenAlerts } from "./notify";
import { buildSendgridRequest, signStandardWebhook } from "./send";

// Alerts end to end: real failed executions (the engine fixture's HTTP sink answers 400),
// real channel endpoints (paths on the same loopback sink, allowed by JUNCTION_OUTBOUND_ALLOW),
// the REST handlers called as Next.js would, and the notifier as the tick would call it.

const PUBLIC_URL = "https://junction.example.com";
const SENDGRID_KEY = "SG.alertsTestKey123.secretPartXYZ987";
const SLACK_TOKEN = "T000/B000/slackSecretToken123";
const DISCORD_TOKEN = "1234567/discordSecretToken456";

let f: EngineFixture;
let ownerKey: string;
let viewerKey: string;
let strangerKey: string;
let targetStatus = 400;
let webhookSecret = "";
const channelIds: Record<string, string> = {};
const bodies: string[] = [];

const call = async (handler: RouteHandler, apiKey: string, options: RouteCall = {}) => {
  const { text, ...result } = await callRoute(handler, apiKey, options);
  bodies.push(text);
  return result;
};

const sendOptions = () => ({
  publicUrl: PUBLIC_URL,
  send: { sendgridDefinition: { ...sendgrid, baseUrl: `${f.sink.origin}/sendgrid/v3`, hosts: ["127.0.0.1"] } },
});
const delivered = (prefix: string): RecordedRequest[] => f.sink.requests.filter((r) => r.url.startsWith(prefix));
const channelRequests = () => f.sink.requests.filter((r) => !r.url.startsWith("/target"));

beforeAll(async () => {
  f = await engineFixture();
  f.respond((req, res) => {
    const url = req.url ?? "";
    if (url.startsWith("/target")) {
      res.writeHead(targetStatus, { "content-type": "application/json" });
      res.end(targetStatus === 200 ? '{"ok":true}' : '{"error":"customer_id is required"}');
    } else if (url.startsWith("/broken")) {
      res.writeHead(500, { "content-type": "text/plain" });
      res.end("down");
    } else if (url.startsWith("/discord")) {
      res.writeHead(204);
      res.end();
    } else if (url.startsWith("/sendgrid")) {
      res.writeHead(202);
      res.end();
    } else {
      res.writeHead(200, { "content-type": "text/plain" });
      res.end("ok");
    }
  });
  const viewer = { id: randomUUID(), email: "viewer@example.com" };
  const stranger = { id: randomUUID(), email: "stranger@example.com" };
  for (const u of [viewer, stranger]) await ensureAuthUser(f.handle.db, u);
  await f.handle.db.insert(workspaceMembers).values({ workspaceId: f.actor.workspaceId, userId: viewer.id, role: "viewer" });
  const other = await createWorkspace(f.handle.db, { name: "Globex", ownerId: stranger.id });
  ownerKey = (await createApiKey(f.handle.db, { workspaceId: f.actor.workspaceId, name: "o", createdBy: f.actor.userId })).key;
  viewerKey = (await createApiKey(f.handle.db, { workspaceId: f.actor.workspaceId, name: "v", createdBy: viewer.id })).key;
  strangerKey = (await createApiKey(f.handle.db, { workspaceId: other.id, name: "s", createdBy: stranger.id })).key;
});

afterAll(async () => {
  await f.close();
});

beforeEach(() => {
  targetStatus = 400;
});

const failingFlow = (name: string) =>
  f.flow({
    name,
    steps: [
      { key: "post", type: "action", connector: "http", action: "request", connection: null, input: { method: "POST", url: `${f.sink.origin}/target`, body: { a: 1 } } },
    ],
  });

describe("notification channels", () => {
  it("are created per kind with their secrets sealed; a webhook's whsec_ secret is returned once", async () => {
    const o = f.sink.origin;
    const slack = await call(createChannel, ownerKey, { method: "POST", body: { kind: "slack", name: "Ops Slack", webhook_url: `${o}/slack/services/${SLACK_TOKEN}` } });
    expect(slack).toMatchObject({ status: 201, body: { kind: "slack", name: "Ops Slack", is_active: true, config: { host: `127.0.0.1:${f.sink.port}` } } });
    expect(slack.body.signing_secret).toBeUndefined();
    const discord = await call(createChannel, ownerKey, { method: "POST", body: { kind: "discord", name: "Ops Discord", webhook_url: `${o}/discord/api/webhooks/${DISCORD_TOKEN}` } });
    const email = await call(createChannel, ownerKey, {
      method: "POST",
      body: { kind: "email", name: "On-call", sendgrid_api_key: SENDGRID_KEY, from: "alerts@acme.test", to: "oncall@acme.test" },
    });
    expect(email.body.config).toEqual({ from: "alerts@acme.test", to: ["oncall@acme.test"] });
    const hook = await call(createChannel, ownerKey, { method: "POST", body: { kind: "webhook", name: "Pager", url: `${o}/hook` } });
    expect(hook.body.signing_secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    webhookSecret = hook.body.signing_secret;
    const broken = await call(createChannel, ownerKey, { method: "POST", body: { kind: "webhook", name: "Broken", url: `${o}/broken` } });
    for (const [k, r] of Object.entries({ slack, discord, email, hook, broken })) {
      expect(r.status).toBe(201);
      channelIds[k] = r.body.id;
    }

    const [row] = await f.handle.db.select().from(notificationChannels).where(eq(notificationChannels.id, channelIds.slack));
    expect(row.secretEnc).not.toContain(SLACK_TOKEN);
    expect(JSON.stringify(row.config)).not.toContain(SLACK_TOKEN);

    const list = await call(listChannels, ownerKey);
    expect(list.status).toBe(200);
    expect(list.body.data.map((c: { name: string }) => c.name)).toEqual(["Ops Slack", "Ops Discord", "On-call", "Pager", "Broken"]);
    const listed = JSON.stringify(list.body);
    for (const secret of [SLACK_TOKEN, DISCORD_TOKEN, SENDGRID_KEY, webhookSecret, "discordSecretToken456", "slackSecretToken123"]) {
      expect(listed).not.toContain(secret);
    }
    expect(listed).not.toContain("signing_secret");
  });

  it("validates URLs: https only (http only for allow-listed host:port), and the service's own webhook host", async () => {
    const bad = [
      { kind: "slack", name: "x", webhook_url: "http://hooks.slack.com/services/T/B/C" },
      { kind: "slack", name: "x", webhook_url: "https://evil.example.com/services/T/B/C" },
      { kind: "discord", name: "x", webhook_url: "https://discord.com/not-a-webhook" },
      { kind: "webhook", name: "x", url: "http://127.0.0.1:9/hook" },
      { kind: "webhook", name: "x", url: "ftp://example.com/" },
      { kind: "email", name: "x", sendgrid_api_key: "nope", from: "a@b.test", to: "c@d.test" },
      { kind: "email", name: "x", sendgrid_api_key: SENDGRID_KEY, from: "not-an-email", to: "c@d.test" },
      { kind: "sms", name: "x" },
      { kind: "webhook", name: "x", url: "https://example.com/", secret: "mine" },
    ];
    for (const body of bad) {
      const r = await call(createChannel, ownerKey, { method: "POST", body });
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.error.code).toBe("validation_failed");
    }
    const good = await call(createChannel, ownerKey, { method: "POST", body: { kind: "slack", name: "Real", webhook_url: "https://hooks.slack.com/services/T1/B1/abc" } });
    expect(good.status).toBe(201);
    expect((await call(deleteChannel, ownerKey, { method: "DELETE", params: { id: good.body.id } })).status).toBe(204);
  });

  it("viewers cannot create, list or test channels; other workspaces see nothing (404)", async () => {
    const body = { kind: "webhook", name: "Sneaky", url: "https://example.com/hook" };
    expect((await call(createChannel, viewerKey, { method: "POST", body })).status).toBe(403);
    expect((await call(listChannels, viewerKey)).status).toBe(403);
    expect((await call(testChannel, viewerKey, { method: "POST", params: { id: channelIds.slack } })).status).toBe(403);
    expect((await call(listChannels, strangerKey)).body).toEqual({ data: [] });
    expect((await call(testChannel, strangerKey, { method: "POST", params: { id: channelIds.slack } })).status).toBe(404);
    expect((await call(deleteChannel, strangerKey, { method: "DELETE", params: { id: channelIds.slack } })).status).toBe(404);
    expect((await call(deleteChannel, ownerKey, { method: "DELETE", params: { id: "not-a-uuid" } })).status).toBe(404);
  });

  it("sends a test message; a refusing endpoint is a 502 without the secret", async () => {
    f.sink.requests.length = 0;
    const ok = await call(testChannel, ownerKey, { method: "POST", params: { id: channelIds.slack } });
    expect(ok).toEqual({ status: 200, body: { ok: true, status: 200 } });
    expect(delivered("/slack")).toHaveLength(1);
    expect(JSON.parse(delivered("/slack")[0].body).text).toContain("Test message from Junction");
    const refused = await call(testChannel, ownerKey, { method: "POST", params: { id: channelIds.broken } });
    expect(refused.status).toBe(502);
    expect(refused.body.error.code).toBe("channel_send_failed");
    expect(refused.body.error.message).toContain("500");
    expect(JSON.stringify(refused.body)).not.toContain(webhookSecret);
  });
});

describe("alerts from a failing flow", () => {
  let flowId: string;
  let alertId: string;
  let executionId: string;

  it("a failed execution opens one alert, sent once to every channel with the flow name, the error and a link", async () => {
    flowId = await failingFlow("Orders to ledger");
    executionId = await f.run(flowId, {});
    expect((await f.execution(executionId)).status).toBe("failed");
    const [alert] = await f.handle.db.select().from(alerts).where(eq(alerts.flowId, flowId));
    expect(alert).toMatchObject({ kind: "execution_failed", status: "open", occurrences: 1, lastNotifiedAt: null });
    alertId = alert.id;

    f.sink.requests.length = 0;
    const report = await notifyOpenAlerts(f.handle.db, sendOptions());
    expect(report).toEqual({ notified: 1, sent: 4, failed: 1 }); // the broken channel fails alone
    const link = `${PUBLIC_URL}/flows/${flowId}/executions/${executionId}`;

    const slack = delivered("/slack");
    expect(slack).toHaveLength(1);
    expect(slack[0].headers["content-type"]).toBe("application/json");
    const text = JSON.parse(slack[0].body).text as string;
    expect(text).toContain("Orders to ledger");
    expect(text).toContain("400");
    expect(text).toContain(link);

    const discord = delivered("/discord");
    expect(discord).toHaveLength(1);
    const content = JSON.parse(discord[0].body).content as string;
    expect(content).toContain("Orders to ledger");
    expect(content).toContain(link);

    const mail = delivered("/sendgrid/v3/mail/send");
    expect(mail).toHaveLength(1);
    expect(mail[0].headers.authorization).toBe(`Bearer ${SENDGRID_KEY}`);
    const email = JSON.parse(mail[0].body);
    expect(email.personalizations[0].to).toEqual([{ email: "oncall@acme.test" }]);
    expect(email.from.email).toBe("alerts@acme.test");
    expect(email.subject).toContain("Orders to ledger");
    expect(email.content[0].value).toContain(link);

    const hook = delivered("/hook");
    expect(hook).toHaveLength(1);
    const headers = {
      "webhook-id": String(hook[0].headers["webhook-id"]),
      "webhook-timestamp": String(hook[0].headers["webhook-timestamp"]),
      "webhook-signature": String(hook[0].headers["webhook-signature"]),
    };
    // The official library verifies our node:crypto signature.
    const verified = new Webhook(webhookSecret).verify(hook[0].body, headers) as { type: string; data: Record<string, unknown> };
    expect(verified).toMatchObject({ type: "alert.opened", data: { alert_id: alertId, kind: "execution_failed", link } });
    expect(String(verified.data.error)).toContain("400");
    expect(() => new Webhook(webhookSecret).verify(hook[0].body.replace("alert.opened", "alert.closed"), headers)).toThrow();
    expect(delivered("/broken")).toHaveLength(1);

    const [after] = await f.handle.db.select().from(alerts).where(eq(alerts.id, alertId));
    expect(after.lastNotifiedAt).not.toBeNull();
  });

  it("a second failure adds an occurrence and sends nothing more", async () => {
    await f.run(flowId, {});
    const rows = await f.handle.db.select().from(alerts).where(eq(alerts.flowId, flowId));
    expect(rows).toHaveLength(1);
    expect(rows[0].occurrences).toBe(2);
    f.sink.requests.length = 0;
    expect(await notifyOpenAlerts(f.handle.db, sendOptions())).toEqual({ notified: 0, sent: 0, failed: 0 });
    expect(channelRequests()).toHaveLength(0);
  });

  it("is listed with a status filter, hidden from other workspaces, acknowledged by members only, once", async () => {
    const open = await call(listAlerts, viewerKey, { query: "?status=open" });
    expect(open.status).toBe(200);
    expect(open.body.data).toEqual([expect.objectContaining({ id: alertId, status: "open", flow_name: "Orders to ledger", occurrences: 2 })]);
    expect((await call(listAlerts, ownerKey, { query: "?status=resolved" })).body.data).toEqual([]);
    expect((await call(listAlerts, ownerKey, { query: "?status=closed" })).status).toBe(400);
    expect((await call(listAlerts, strangerKey)).body.data).toEqual([]);
    expect((await call(getAlert, strangerKey, { params: { id: alertId } })).status).toBe(404);
    expect((await call(acknowledge, strangerKey, { method: "POST", params: { id: alertId } })).status).toBe(404);
    expect((await call(resolve, strangerKey, { method: "POST", params: { id: alertId } })).status).toBe(404);
    expect((await call(acknowledge, viewerKey, { method: "POST", params: { id: alertId } })).status).toBe(403);

    const acked = await call(acknowledge, ownerKey, { method: "POST", params: { id: alertId } });
    expect(acked).toMatchObject({ status: 200, body: { status: "acknowledged" } });
    expect(acked.body.acknowledged_at).not.toBeNull();
    expect((await call(acknowledge, ownerKey, { method: "POST", params: { id: alertId } })).status).toBe(409);
    // Acknowledging is not news: nothing is sent.
    f.sink.requests.length = 0;
    await notifyOpenAlerts(f.handle.db, sendOptions());
    expect(channelRequests()).toHaveLength(0);
  });

  it("resolves itself when the flow succeeds again, and the resolution goes out once", async () => {
    targetStatus = 200;
    const ok = await f.run(flowId, {});
    expect((await f.execution(ok)).status).toBe("succeeded");
    const [row] = await f.handle.db.select().from(alerts).where(eq(alerts.id, alertId));
    expect(row.status).toBe("resolved");

    f.sink.requests.length = 0;
    expect(await notifyOpenAlerts(f.handle.db, sendOptions())).toEqual({ notified: 1, sent: 4, failed: 1 });
    const slack = JSON.parse(delivered("/slack")[0].body).text as string;
    expect(slack).toMatch(/Resolved/);
    expect(slack).toContain("Orders to ledger");
    const hook = delivered("/hook")[0];
    expect(JSON.parse(hook.body).type).toBe("alert.resolved");
    expect(String(hook.headers["webhook-signature"])).toBe(
      signStandardWebhook(webhookSecret, String(hook.headers["webhook-id"]), Number(hook.headers["webhook-timestamp"]), hook.body),
    );

    f.sink.requests.length = 0;
    expect(await notifyOpenAlerts(f.handle.db, sendOptions())).toEqual({ notified: 0, sent: 0, failed: 0 });
    expect(channelRequests()).toHaveLength(0);
  });

  it("a new failure opens a new alert; resolving by hand sends the resolution; resolving again is a 409", async () => {
    await f.run(flowId, {});
    const [fresh] = await f.handle.db.select().from(alerts).where(and(eq(alerts.flowId, flowId), eq(alerts.status, "open")));
    expect(fresh.id).not.toBe(alertId);
    await notifyOpenAlerts(f.handle.db, sendOptions());
    expect((await call(resolve, viewerKey, { method: "POST", params: { id: fresh.id } })).status).toBe(403);
    const resolved = await call(resolve, ownerKey, { method: "POST", params: { id: fresh.id } });
    expect(resolved).toMatchObject({ status: 200, body: { status: "resolved" } });
    expect((await call(resolve, ownerKey, { method: "POST", params: { id: fresh.id } })).status).toBe(409);
    expect((await call(acknowledge, ownerKey, { method: "POST", params: { id: fresh.id } })).status).toBe(409);
    f.sink.requests.length = 0;
    const report = await notifyOpenAlerts(f.handle.db, sendOptions());
    expect(report.notified).toBe(1);
    expect(JSON.parse(delivered("/hook")[0].body)).toMatchObject({ type: "alert.resolved", data: { alert_id: fresh.id } });
  });

  it("when every channel fails, the alert is tried again next time", async () => {
    const [alert] = await f.handle.db
      .insert(alerts)
      .values({ workspaceId: f.actor.workspaceId, kind: "connection_invalid", fingerprint: `connection:${randomUUID()}:expired`, title: "Connection expired", message: "Reconnect it." })
      .returning();
    await f.handle.db.update(notificationChannels).set({ isActive: false }).where(eq(notificationChannels.workspaceId, f.actor.workspaceId));
    await f.handle.db.update(notificationChannels).set({ isActive: true }).where(eq(notificationChannels.id, channelIds.broken));
    try {
      expect(await notifyOpenAlerts(f.handle.db, sendOptions())).toEqual({ notified: 0, sent: 0, failed: 1 });
      const [row] = await f.handle.db.select().from(alerts).where(eq(alerts.id, alert.id));
      expect(row.lastNotifiedAt).toBeNull();
    } finally {
      await f.handle.db.update(notificationChannels).set({ isActive: true }).where(eq(notificationChannels.workspaceId, f.actor.workspaceId));
    }
    f.sink.requests.length = 0;
    expect((await notifyOpenAlerts(f.handle.db, sendOptions())).notified).toBe(1);
    expect(JSON.parse(delivered("/slack")[0].body).text).toContain(`${PUBLIC_URL}/alerts`); // no flow or connection to link to
  });
});

describe("error rate", () => {
  it("opens at ≥ 50% of the last 20 (with at least 5), stays open between 25% and 50%, resolves below 25%", async () => {
    targetStatus = 200;
    const flowId = await failingFlow("Nightly sync");
    const [first] = await f.handle.db.select().from(executions).limit(1);
    const add = async (statuses: ("failed" | "succeeded")[]) => {
      for (const status of statuses) {
        await f.handle.db.insert(executions).values({
          workspaceId: f.actor.workspaceId,
          flowId,
          flowVersion: 1,
          status,
          triggerType: first.triggerType,
          completedAt: new Date(),
        });
        await new Promise((r) => setTimeout(r, 2)); // distinct created_at, for the order
      }
    };
    await add(["failed", "failed", "failed", "failed"]);
    expect(await checkErrorRate(f.handle.db, flowId, f.actor.workspaceId)).toMatchObject({ total: 4, action: "none" }); // too few
    await add(["succeeded", "failed"]);
    expect(await checkErrorRate(f.handle.db, flowId, f.actor.workspaceId)).toMatchObject({ total: 6, failed: 5, action: "opened" });
    expect(await checkErrorRate(f.handle.db, flowId, f.actor.workspaceId)).toMatchObject({ action: "updated" });
    const open = await f.handle.db.select().from(alerts).where(and(eq(alerts.flowId, flowId), eq(alerts.kind, "error_rate")));
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ status: "open", fingerprint: `flow:${flowId}:error_rate`, occurrences: 1 });
    expect(open[0].message).toContain("5 of the last 6");

    f.sink.requests.length = 0;
    await notifyOpenAlerts(f.handle.db, { ...sendOptions(), checkErrorRates: false });
    const text = JSON.parse(delivered("/slack")[0].body).text as string;
    expect(text).toContain("Nightly sync");
    expect(text).toContain(`${PUBLIC_URL}/flows/${flowId}`);

    await add(Array(10).fill("succeeded")); // 5 of 16 = 31%: between the thresholds
    expect(await checkErrorRate(f.handle.db, flowId, f.actor.workspaceId)).toMatchObject({ action: "none" });
    await add(Array(6).fill("succeeded")); // the two oldest failures drop out: 3 of the last 20 = 15%
    expect(await checkErrorRate(f.handle.db, flowId, f.actor.workspaceId)).toMatchObject({ total: 20, failed: 3, action: "resolved" });
    const [row] = await f.handle.db.select().from(alerts).where(eq(alerts.id, open[0].id));
    expect(row.status).toBe("resolved");
  });

  it("the notifier checks flows that finished executions recently", async () => {
    const flowId = await failingFlow("Hourly import");
    for (let i = 0; i < 5; i++) await f.run(flowId, {});
    f.sink.requests.length = 0;
    await notifyOpenAlerts(f.handle.db, sendOptions());
    const kinds = (await f.handle.db.select().from(alerts).where(eq(alerts.flowId, flowId))).map((a) => a.kind).sort();
    expect(kinds).toEqual(["error_rate", "execution_failed"]);
    const texts = delivered("/slack").map((r) => JSON.parse(r.body).text as string).filter((t) => t.includes("Hourly import"));
    expect(texts).toHaveLength(2); // one per alert, not one per failure
    expect(texts.some((t) => t.includes("is failing often") && t.includes("5 of the last 5"))).toBe(true);
  });
});

describe("the SendGrid request", () => {
  it("is built by the connector's send_email action, with the key only in Authorization", () => {
    const request = buildSendgridRequest(
      { secrets: { sendgrid_api_key: SENDGRID_KEY }, config: { from: "alerts@acme.test", to: ["a@acme.test", "b@acme.test"] } },
      { event: "alert.opened", alertId: "a1", kind: "execution_failed", title: 'Flow "X" failed', flowName: "X", error: "HTTP 400", link: `${PUBLIC_URL}/flows/1/executions/2`, occurrences: 1, at: new Date() },
    );
    expect(request.method).toBe("POST");
    expect(request.url).toBe("https://api.sendgrid.com/v3/mail/send");
    expect(request.headers.Authorization).toBe(`Bearer ${SENDGRID_KEY}`);
    expect(request.headers["Content-Type"]).toMatch(/^application\/json/);
    const body = JSON.parse(request.body!);
    expect(body).toMatchObject({
      personalizations: [{ to: [{ email: "a@acme.test" }, { email: "b@acme.test" }] }],
      from: { email: "alerts@acme.test" },
      subject: 'Flow "X" failed',
      content: [{ type: "text/plain" }],
    });
    expect(body.content[0].value).toContain("Error: HTTP 400");
    expect(body.content[0].value).toContain(`${PUBLIC_URL}/flows/1/executions/2`);
    expect(request.body).not.toContain(SENDGRID_KEY);
  });
});

describe("responses", () => {
  it("never carried a channel secret", () => {
    const all = bodies.join("\n");
    expect(all.split(webhookSecret).length - 1).toBe(1); // the one creation response
    for (const secret of [SLACK_TOKEN, DISCORD_TOKEN, SENDGRID_KEY]) expect(all).not.toContain(secret);
  });
});
