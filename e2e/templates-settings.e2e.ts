// Templates and settings in a real browser: an API-key HTTP connection is made through the
// connectors page, the "Webhook → REST API" template becomes a flow with it (checked through
// the REST API with the page's own session); a signed webhook channel is added and its test
// reaches a local receiver with a valid Standard Webhooks signature; retention changes; and
// the audit log lists those changes.
import { randomBytes } from "node:crypto";
import type { IncomingHttpHeaders, RequestListener } from "node:http";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { Webhook } from "standardwebhooks";

import { DESKTOP, PHONE, SCREENSHOT_DIR, launchBrowser, newPage, screenshot, watchProblems } from "./browser";
import { url } from "./env";
import { startFakeService, type FakeService } from "./fake-service";

const API_KEY = `e2e-key-${randomBytes(12).toString("hex")}`;
const CONNECTION = "Orders API";
const CHANNEL = "E2E receiver";
const TEMPLATE = "Webhook → REST API";

// A local receiver for the channel's test message: records each request (bounded), answers 200.
type Received = { path: string; headers: IncomingHttpHeaders; body: string };
const received: Received[] = [];
let receiver: FakeService | undefined;
let receiverUrl: string;

const serveReceiver: RequestListener = (req, res) => {
  const chunks: Buffer[] = [];
  let size = 0;
  req.on("data", (chunk: Buffer) => {
    size += chunk.length;
    if (size > 64 * 1024) req.destroy();
    else chunks.push(chunk);
  });
  req.on("end", () => {
    if (received.length < 50) received.push({ path: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
    res.writeHead(200, { "content-type": "text/plain", connection: "close" }).end("ok");
  });
};

/** The REST API as the page itself calls it: same origin, with the session cookie. */
async function sameOrigin(page: Page, path: string): Promise<{ status: number; body: Record<string, unknown> }> {
  return page.evaluate(async (p) => {
    const response = await fetch(p, { signal: AbortSignal.timeout(10_000) });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }, path);
}

let browser: Browser;

beforeAll(async () => {
  [browser, receiver] = await Promise.all([launchBrowser(), startFakeService(serveReceiver)]);
  receiverUrl = receiver.url;
});

afterAll(async () => {
  await browser?.close();
  await receiver?.close();
});

describe("templates and settings", () => {
  let flowId = "";
  // The tests work in a workspace of their own (the other browser tests expect the first one
  // to start empty); the session cookie that selects it is carried from test to test.
  let signedIn: BrowserContextOptions = {};
  const WORKSPACE = "E2E templates";

  test("a template becomes an inactive flow with the HTTP connection made through the UI", async () => {
    const page = await newPage(browser, DESKTOP);
    const problems = watchProblems(page);
    try {
      await page.goto(url("/settings"));
      await page.getByRole("button", { name: "New workspace" }).click();
      await page.getByRole("dialog", { name: "New workspace" }).getByLabel("Name").fill(WORKSPACE);
      await page.getByRole("button", { name: "Create workspace" }).click();
      await expect.poll(() => page.getByRole("button", { name: "Switch workspace" }).innerText()).toContain(WORKSPACE);
      signedIn = { storageState: await page.context().storageState() };

      await page.goto(url("/templates"));
      await page.getByRole("heading", { level: 1, name: "Templates" }).waitFor();
      const cards = page.getByRole("list", { name: "Templates" }).getByRole("article");
      expect(await cards.count()).toBe(6);
      const card = page.getByRole("article", { name: TEMPLATE });
      await screenshot(page, "templates");

      // No HTTP connection yet: the dialog says so and links to the marketplace.
      await card.getByRole("button", { name: `Use template ${TEMPLATE}` }).click();
      let dialog = page.getByRole("dialog", { name: TEMPLATE });
      await dialog.waitFor();
      expect(await dialog.innerText()).toContain("No HTTP connection in this workspace yet.");
      expect(await dialog.getByRole("button", { name: "Create flow" }).isDisabled()).toBe(true);
      await dialog.getByRole("link", { name: "Connect HTTP account" }).click();
      await page.waitForURL(url("/connectors"));

      // An API-key connection to the local service, through the connect dialog.
      await page.getByRole("article", { name: "HTTP" }).getByRole("button", { name: "Connect" }).click();
      const connect = page.getByRole("dialog", { name: "Connect HTTP" });
      await connect.waitFor();
      await connect.getByLabel("Connection name").fill(CONNECTION);
      await connect.getByRole("combobox", { name: "Authentication" }).click();
      await page.getByRole("option", { name: "API key header" }).click();
      await connect.getByLabel("Base URL").fill(receiverUrl);
      await connect.getByLabel("API key", { exact: true }).fill(API_KEY);
      await connect.getByRole("button", { name: "Save connection" }).click();
      await connect.waitFor({ state: "hidden" });
      await page.getByText(`Connected “${CONNECTION}”.`).waitFor();

      // Now the template's only connection is preselected.
      await page.goto(url("/templates"));
      await page.getByRole("article", { name: TEMPLATE }).getByRole("button", { name: `Use template ${TEMPLATE}` }).click();
      dialog = page.getByRole("dialog", { name: TEMPLATE });
      const select = dialog.getByRole("combobox", { name: "REST API (HTTP connection with its base URL)" });
      expect(await select.innerText()).toContain(CONNECTION);
      expect(await dialog.innerText()).toContain("After creating it");
      // The dialog over the page, as it is on screen.
      await page.screenshot({ path: join(SCREENSHOT_DIR, "templates-use-dialog.png"), animations: "disabled" });
      await dialog.getByRole("button", { name: "Create flow" }).click();
      await page.waitForURL(/\/flows\/[0-9a-f-]{36}$/, { timeout: 20_000 });
      flowId = new URL(page.url()).pathname.split("/").at(-1) ?? "";
      // The builder opens on the new flow, with the template's name and steps.
      await expect.poll(() => page.getByRole("textbox", { name: "Flow name" }).inputValue()).toBe(TEMPLATE);

      const flow = await sameOrigin(page, `/api/v1/flows/${flowId}`);
      expect(flow.status).toBe(200);
      expect(flow.body).toMatchObject({ id: flowId, name: TEMPLATE, active: false });
      const connections = await sameOrigin(page, "/api/v1/connections");
      const made = (connections.body.data as { id: string; name: string }[]).find((c) => c.name === CONNECTION);
      expect(JSON.stringify(flow.body)).toContain(made?.id);
      expect(JSON.stringify(flow.body)).toContain("steps.shape.output");
      // The API key typed never comes back.
      expect(JSON.stringify(connections.body)).not.toContain(API_KEY);
      expect(problems.serverErrors).toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  test("a signed webhook channel's test arrives verified, retention changes, and the audit log shows both", async () => {
    const page = await newPage(browser, DESKTOP, signedIn);
    const problems = watchProblems(page);
    try {
      await page.goto(url("/settings"));
      const channels = page.locator("#notification-channels");
      await channels.getByRole("heading", { name: "No channels yet" }).waitFor();

      await channels.getByRole("button", { name: "Add channel" }).click();
      const add = page.getByRole("dialog", { name: "Add notification channel" });
      await add.getByRole("combobox", { name: "Kind" }).click();
      await page.getByRole("option", { name: "Webhook (signed)" }).click();
      await add.getByLabel("Channel name").fill(CHANNEL);
      await add.getByLabel("Endpoint URL").fill(`${receiverUrl}/alerts`);
      await add.getByRole("button", { name: "Add channel" }).click();
      const secretField = page.getByRole("textbox", { name: "Signing secret" });
      await secretField.waitFor();
      const secret = await secretField.inputValue();
      expect(secret).toMatch(/^whsec_/);
      await page.getByRole("button", { name: "Done" }).click();

      const item = page.getByRole("list", { name: "Notification channels" }).getByRole("listitem", { name: CHANNEL });
      await item.waitFor();
      expect(await page.content()).not.toContain(secret);
      expect(await item.getByRole("switch", { name: `Enable ${CHANNEL}` }).getAttribute("aria-checked")).toBe("true");

      await item.getByRole("button", { name: `Send test to ${CHANNEL}` }).click();
      await page.getByText(`Test delivered to “${CHANNEL}” (HTTP 200).`).waitFor();
      const delivery = received.filter((r) => r.path === "/alerts").at(-1);
      expect(delivery).toBeDefined();
      const payload = new Webhook(secret.slice("whsec_".length)).verify(delivery!.body, delivery!.headers as Record<string, string>);
      expect(payload).toMatchObject({ type: "alert.test" });
      // A forged body fails the same check: the verification above means something.
      expect(() => new Webhook(secret.slice("whsec_".length)).verify(delivery!.body.replace("alert.test", "alert.opened"), delivery!.headers as Record<string, string>)).toThrow();

      // Retention: out of range is refused by the server's check as well as the browser's.
      const retention = page.getByLabel("Keep executions and webhook events for (days)");
      const before = Number(await retention.inputValue());
      expect(before).toBe(30);
      const after = 45;
      await retention.fill(String(after));
      await page.getByRole("button", { name: "Save retention" }).click();
      await page.getByText(`Saved: executions and events older than ${after} days are deleted automatically.`).waitFor();
      expect((await sameOrigin(page, "/api/v1/workspace")).body.retention_days).toBe(after);

      // The audit log lists the changes, newest first, with links and exact times on hover.
      // A fresh load, not the page the actions revalidated.
      await page.reload();
      const log = page.getByRole("table", { name: "Audit log" });
      await log.waitFor();
      const rows = log.getByRole("row");
      const texts = await rows.allInnerTexts();
      const index = (needle: string) => texts.findIndex((t) => t.includes(needle));
      expect(index(`changed retention of`)).toBeGreaterThan(0);
      expect(texts[index("changed retention of")]).toContain(`${before} days → ${after} days`);
      expect(index(`added notification channel ${CHANNEL}`)).toBeGreaterThan(index("changed retention of"));
      expect(index(`created flow ${TEMPLATE}`)).toBeGreaterThan(index(`added notification channel ${CHANNEL}`));
      expect(index(`created connection ${CONNECTION}`)).toBeGreaterThan(index(`created flow ${TEMPLATE}`));
      expect(texts[index("changed retention of")]).toContain("Local owner");
      const flowRow = rows.filter({ hasText: `created flow ${TEMPLATE}` });
      expect(await flowRow.getByRole("link", { name: TEMPLATE }).getAttribute("href")).toBe(`/flows/${flowId}`);
      const time = flowRow.locator("time");
      expect(await time.innerText()).toMatch(/just now|minute/);
      expect(await time.getAttribute("title")).toMatch(/GMT$/);
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, "settings");

      expect(problems.errors).toEqual([]);
      expect(problems.serverErrors).toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  test("settings fit a 390 px phone", async () => {
    const page = await newPage(browser, PHONE, signedIn);
    const problems = watchProblems(page);
    try {
      await page.goto(url("/settings"));
      await page.getByRole("table", { name: "Audit log" }).waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
      await screenshot(page, "settings-phone");
      await page.goto(url("/templates"));
      await page.getByRole("article", { name: TEMPLATE }).waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
      expect(problems.errors).toEqual([]);
    } finally {
      await page.context().close();
    }
  });
});
