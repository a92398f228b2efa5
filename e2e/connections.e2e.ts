// Connectors and connections in a real browser, against a fake service on 127.0.0.1 that
// accepts one canary token: a custom connector is added, a wrong token is refused and saves
// nothing, the canary connects, is validated, renamed and revoked — and the canary never
// reaches a page, a response, the REST API or a file in the server's data folder.
import { randomBytes } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import type { RequestListener } from "node:http";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Browser, Page } from "playwright-core";

import { DESKTOP, PHONE, SCREENSHOT_DIR, launchBrowser, newPage, screenshot, watchProblems } from "./browser";
import { baseUrl, dataDir, url } from "./env";
import { startFakeService, type FakeService } from "./fake-service";

const CANARY = `canary-SECRET-${randomBytes(16).toString("hex")}`;
const WRONG_TOKEN = `wrong-${randomBytes(16).toString("hex")}`;
const CONNECTOR = "E2E API";
const CONNECTION = "E2E token";
const RENAMED = "E2E token (renamed)";
const FLOW = "E2E who am I";

// ---------------------------------------------------------------------------------------------
// The fake service: GET /me is 200 only with the canary bearer token. Bounded: small bodies,
// short timeouts, a cap on requests, closed (with its sockets) after the tests.

const MAX_REQUESTS = 200;
const MAX_BODY_BYTES = 4096;

type Seen = { method: string; path: string; token: "canary" | "wrong" | "other" | "none" };
const seen: Seen[] = [];
let fake: FakeService | undefined;
let fakeUrl: string;

const serveFake: RequestListener = (req, res) => {
  let size = 0;
  req.on("data", (chunk: Buffer) => {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) req.destroy();
  });
  req.on("end", () => {
    const auth = req.headers.authorization;
    const token = auth === `Bearer ${CANARY}` ? "canary" : auth === `Bearer ${WRONG_TOKEN}` ? "wrong" : auth ? "other" : "none";
    seen.push({ method: req.method ?? "", path: req.url ?? "", token });
    if (seen.length > MAX_REQUESTS) {
      res.writeHead(503, { connection: "close" }).end();
      return;
    }
    const ok = req.method === "GET" && req.url === "/me" && token === "canary";
    res.writeHead(ok ? 200 : 401, { "content-type": "application/json", connection: "close" });
    res.end(JSON.stringify(ok ? { name: "e2e-bot" } : { error: { message: "invalid token" } }));
  });
};

// ---------------------------------------------------------------------------------------------
// Leak detectors.

/**
 * Reads every text body the browser receives from the app and notes any holding the canary.
 * The app's responses are fetched through a route and handed to the page unchanged: listening
 * to page.on("response") alone misses bodies Chromium drops on navigation (prefetches, the
 * previous document), and a check that cannot read a body proves nothing about it.
 */
async function watchBodies(page: Page) {
  const leaks: string[] = [];
  const unreadable: string[] = [];
  let read = 0;
  // A control: bodies that carry the connection's name prove the reader sees the app's data.
  let probeHits = 0;
  const origin = new URL(baseUrl()).origin;
  await page.route(
    (u) => u.origin === origin,
    async (route) => {
      const request = route.request();
      try {
        const response = await route.fetch({ maxRedirects: 0, timeout: 20_000 });
        const body = await response.body();
        const type = response.headers()["content-type"] ?? "";
        if (/text|json|javascript|x-component|xml/.test(type) || body.length === 0) {
          read += 1;
          const text = body.toString("utf8");
          if (text.includes(CANARY)) leaks.push(`${request.method()} ${request.url()}`);
          if (text.includes(CONNECTION)) probeHits += 1;
        }
        await route.fulfill({ response, body });
      } catch (error) {
        // Requests still in flight when the page closes are not the app's answers.
        if (page.isClosed()) return;
        unreadable.push(`${request.method()} ${request.url()}: ${error instanceof Error ? error.message : String(error)}`);
        await route.abort().catch(() => {});
      }
    },
  );
  return { leaks, unreadable, read: () => read, probeHits: () => probeHits };
}

/** What is on screen now (a dialog over the page), rather than the whole scrolled page. */
async function screenshotViewport(page: Page, name: string) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), animations: "disabled" });
}

async function expectPageClean(page: Page) {
  expect(await page.content(), `the HTML of ${page.url()}`).not.toContain(CANARY);
}

function filesUnder(dir: string, found: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) filesUnder(path, found);
    else if (entry.isFile()) found.push(path);
  }
  return found;
}

// ---------------------------------------------------------------------------------------------

let browser: Browser;

beforeAll(async () => {
  [browser, fake] = await Promise.all([launchBrowser(), startFakeService(serveFake)]);
  fakeUrl = fake.url;
});

afterAll(async () => {
  await browser?.close();
  await fake?.close();
});

/** Creates an API key through the Settings page, as a person would. */
async function createApiKey(page: Page): Promise<string> {
  await page.goto(url("/settings"));
  await page.getByRole("button", { name: "Create API key" }).click();
  await page.getByLabel("Key name").fill("e2e connections");
  await page.getByRole("button", { name: "Create key" }).click();
  const field = page.getByRole("textbox", { name: "New API key" });
  await field.waitFor();
  const key = await field.inputValue();
  await page.getByRole("button", { name: "Done" }).click();
  return key;
}

async function apiConnections(key: string) {
  const response = await fetch(url("/api/v1/connections"), {
    headers: { authorization: `Bearer ${key}` },
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  expect(response.status, text).toBe(200);
  return { text, data: (JSON.parse(text) as { data: Record<string, unknown>[] }).data };
}

describe("connectors marketplace", () => {
  test("lists the catalog with its state, searches, filters by category, and explains OAuth", async () => {
    const page = await newPage(browser, DESKTOP);
    const problems = watchProblems(page);
    try {
      await page.goto(url("/connectors"));
      await page.getByRole("heading", { level: 1, name: "Connectors" }).waitFor();
      const list = page.getByRole("list", { name: "Connectors" });
      const stripe = list.getByRole("article", { name: "Stripe" });
      await stripe.waitFor();
      expect(await stripe.innerText()).toContain("Not connected");
      expect(await stripe.innerText()).toContain("No runs yet");
      expect(await stripe.getByRole("list", { name: "Authentication" }).innerText()).toContain("API key");
      expect(await stripe.locator("img").first().getAttribute("src")).toBe("/connectors/stripe.svg");
      const total = await list.getByRole("article").count();
      expect(total).toBeGreaterThanOrEqual(11);
      await screenshot(page, "connectors-desktop");

      const search = page.getByRole("searchbox", { name: "Search connectors" });
      await search.fill("stripe");
      await expect.poll(() => list.getByRole("article").count()).toBe(1);
      expect(await page.getByRole("status").filter({ hasText: "connectors" }).innerText()).toBe(`1 of ${total} connectors`);

      await search.fill("no such service anywhere");
      await page.getByRole("heading", { name: "No connectors match" }).waitFor();
      await page.getByRole("button", { name: "Clear filters" }).click();
      await expect.poll(() => page.getByRole("list", { name: "Connectors" }).getByRole("article").count()).toBe(total);

      await page.getByRole("combobox", { name: "Category" }).click();
      await page.getByRole("option", { name: "Email" }).click();
      await expect
        .poll(async () => (await list.getByRole("heading", { level: 2 }).allInnerTexts()).sort())
        .toEqual(["Gmail", "SendGrid"]);

      // Gmail connects with OAuth only: the dialog offers the consent link, or says why it cannot.
      await list.getByRole("article", { name: "Gmail" }).getByRole("button", { name: "Connect" }).click();
      const dialog = page.getByRole("dialog", { name: "Connect Gmail" });
      await dialog.waitFor();
      await dialog.getByLabel("Connection name").fill("Sales inbox");
      const link = dialog.getByRole("link", { name: "Connect with Gmail" });
      if (await link.count()) {
        expect(await link.getAttribute("href")).toBe("/api/oauth/gmail/start?name=Sales+inbox");
      } else {
        expect(await dialog.getByRole("note").innerText()).toMatch(/Set GOOGLE_CLIENT_ID and GOOGLE_CLIENT_SECRET/);
      }
      expect(await dialog.getByRole("button", { name: "Save connection" }).count()).toBe(0);
      await page.keyboard.press("Escape");
      await dialog.waitFor({ state: "hidden" });

      expect(problems.errors).toEqual([]);
      expect(problems.serverErrors).toEqual([]);
    } finally {
      await page.context().close();
    }
  });
});

describe("connections", () => {
  test("a custom connector connects with the canary token, validates, renames and revokes; the canary never leaks", async () => {
    const page = await newPage(browser, DESKTOP);
    const problems = watchProblems(page);
    const bodies = await watchBodies(page);
    try {
      const key = await createApiKey(page);
      expect((await apiConnections(key)).data).toEqual([]);

      // The empty state points to the marketplace.
      await page.goto(url("/connections"));
      await page.getByRole("heading", { name: "No connections yet" }).waitFor();
      expect(await page.getByRole("link", { name: "Browse connectors" }).getAttribute("href")).toBe("/connectors");

      // An admin adds a connector for the fake service.
      await page.goto(url("/connectors"));
      await page.getByRole("button", { name: "Add custom connector" }).click();
      const add = page.getByRole("dialog", { name: "Add custom connector" });
      await add.getByLabel("Name", { exact: true }).fill(CONNECTOR);
      await add.getByLabel("Base URL").fill(fakeUrl);
      await add.getByRole("combobox", { name: "Auth type" }).click();
      await page.getByRole("option", { name: "Bearer token" }).click();
      expect(await add.getByLabel("Header name").count(), "a header name is only for API keys").toBe(0);
      await add.getByLabel("Validation path").fill("/me");
      await add.getByRole("button", { name: "Add connector" }).click();
      await add.waitFor({ state: "hidden" });
      const card = page.getByRole("article", { name: CONNECTOR });
      await card.waitFor();
      expect(await card.innerText()).toContain("Not connected");
      expect(await card.innerText()).toContain("Custom");

      // A wrong token: the service refuses it, the error shows, nothing is saved.
      await card.getByRole("button", { name: "Connect" }).click();
      const connect = page.getByRole("dialog", { name: `Connect ${CONNECTOR}` });
      await connect.waitFor();
      expect(await connect.innerText()).toContain("After saving, the key cannot be shown again.");
      await connect.getByLabel("Connection name").fill(CONNECTION);
      const token = connect.getByLabel("Token", { exact: true });
      expect(await token.getAttribute("type")).toBe("password");
      await token.fill(WRONG_TOKEN);
      await connect.getByRole("button", { name: "Save connection" }).click();
      const alert = connect.getByRole("alert");
      await alert.waitFor();
      expect(await alert.innerText()).toMatch(/E2E API rejected these credentials \(HTTP 401\)/);
      expect(await token.getAttribute("aria-invalid")).toBe("true");
      // The name typed is kept; the refused secret is cleared.
      expect(await connect.getByLabel("Connection name").inputValue()).toBe(CONNECTION);
      expect(await token.inputValue()).toBe("");
      expect(seen.filter((r) => r.path === "/me" && r.token === "wrong")).toHaveLength(1);
      expect((await apiConnections(key)).data).toEqual([]);
      await screenshotViewport(page, "connect-dialog-error");

      // The canary works.
      await token.fill(CANARY);
      await connect.getByRole("button", { name: "Save connection" }).click();
      await connect.waitFor({ state: "hidden" });
      await page.getByText(`Connected “${CONNECTION}”.`).waitFor();
      expect(seen.filter((r) => r.path === "/me" && r.token === "canary")).toHaveLength(1);
      await expect.poll(() => card.innerText()).toContain("Connected (1)");
      await expectPageClean(page);

      await page.goto(url("/connections"));
      let connection = page.getByRole("article", { name: CONNECTION });
      await connection.waitFor();
      expect(await connection.innerText()).toContain("Active");
      expect(await connection.innerText()).toContain(CONNECTOR);
      const validated = connection.locator("time").first();
      expect(await validated.innerText()).toBe("just now");
      // The exact time is on hover.
      expect(new Date((await validated.getAttribute("datetime")) ?? "").getTime()).toBeGreaterThan(Date.now() - 120_000);
      expect(await validated.getAttribute("title")).toMatch(/GMT$/);
      await expectPageClean(page);
      await screenshot(page, "connections-desktop");

      // Validate now: the fake is called again with the stored canary.
      await connection.getByRole("button", { name: "Validate now" }).click();
      await page.getByText(`“${CONNECTION}” works.`).waitFor();
      expect(seen.filter((r) => r.path === "/me" && r.token === "canary")).toHaveLength(2);
      expect(await connection.innerText()).toContain("Active");

      // Rename.
      await connection.getByRole("button", { name: "Rename" }).click();
      const rename = page.getByRole("dialog", { name: `Rename “${CONNECTION}”` });
      await rename.getByLabel("New name").fill(RENAMED);
      await rename.getByRole("button", { name: "Save name" }).click();
      await rename.waitFor({ state: "hidden" });
      connection = page.getByRole("article", { name: RENAMED });
      await connection.waitFor();
      expect(await page.getByRole("article", { name: CONNECTION, exact: true }).count()).toBe(0);

      // The API shows the connection, never the token.
      const api = await apiConnections(key);
      expect(api.data).toHaveLength(1);
      expect(api.data[0]).toMatchObject({ name: RENAMED, status: "active", auth_type: "bearer", connector: "custom-e2e-api" });
      expect(api.text).not.toContain(CANARY);
      const one = await fetch(url(`/api/v1/connections/${api.data[0].id}`), {
        headers: { authorization: `Bearer ${key}` },
        signal: AbortSignal.timeout(10_000),
      });
      expect(await one.text()).not.toContain(CANARY);

      // A flow uses the connection (made through the REST API: the flow builder is not here yet).
      const flowResponse = await fetch(url("/api/v1/flows"), {
        method: "POST",
        headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
        body: JSON.stringify({
          name: FLOW,
          active: true,
          trigger: { type: "manual" },
          steps: [
            {
              key: "whoami",
              type: "action",
              connector: "custom-e2e-api",
              action: "request",
              connection: api.data[0].id,
              input: { method: "GET", url: "/me" },
            },
          ],
        }),
        signal: AbortSignal.timeout(10_000),
      });
      const flowText = await flowResponse.text();
      expect(flowResponse.status, flowText).toBe(201);
      const flowId = (JSON.parse(flowText) as { id: string }).id;

      // Revoke: the confirmation lists the flows it pauses; the card turns Revoked.
      await page.reload();
      connection = page.getByRole("article", { name: RENAMED });
      await connection.getByRole("button", { name: "Revoke" }).click();
      const confirm = page.getByRole("alertdialog", { name: `Revoke “${RENAMED}”?` });
      await confirm.waitFor();
      expect(await confirm.innerText()).toContain("This flow uses it and will be paused:");
      expect(await confirm.getByRole("list", { name: "Flows that will be paused" }).getByRole("listitem").allInnerTexts()).toEqual([FLOW]);
      await screenshotViewport(page, "revoke-connection-dialog");
      await confirm.getByRole("button", { name: "Revoke connection" }).click();
      await confirm.waitFor({ state: "hidden" });
      await page.getByText("1 flow was paused.").waitFor();
      await expect.poll(() => connection.innerText()).toContain("Revoked");
      expect(await connection.getByRole("button", { name: "Validate now" }).count()).toBe(0);
      expect(await connection.getByRole("button", { name: "Revoke" }).count()).toBe(0);
      expect((await apiConnections(key)).data[0]).toMatchObject({ status: "revoked" });
      const flow = await fetch(url(`/api/v1/flows/${flowId}`), {
        headers: { authorization: `Bearer ${key}` },
        signal: AbortSignal.timeout(10_000),
      });
      expect(await flow.json()).toMatchObject({ active: false, paused_reason: expect.stringContaining("revoked") });
      await expectPageClean(page);

      await page.goto(url("/connectors"));
      await expect.poll(() => page.getByRole("article", { name: CONNECTOR }).innerText()).toContain("Not connected");
      await expectPageClean(page);

      expect(bodies.leaks, "responses that carried the canary").toEqual([]);
      expect(bodies.unreadable, "responses that could not be read").toEqual([]);
      expect(bodies.read()).toBeGreaterThan(10);
      expect(bodies.probeHits(), "responses carrying the connection's name").toBeGreaterThan(0);

      // Nothing under the data folder holds the canary in the clear.
      const needle = Buffer.from(CANARY, "utf8");
      const files = filesUnder(dataDir());
      expect(files.length).toBeGreaterThan(0);
      const contents = files.map((file) => ({ file, bytes: readFileSync(file) }));
      expect(contents.filter((f) => f.bytes.includes(needle)).map((f) => f.file), "files holding the canary").toEqual([]);
      // A control: the scan does see what the server stored (the connection's name).
      expect(contents.some((f) => f.bytes.includes(Buffer.from(RENAMED, "utf8"))), "the stored name is found").toBe(true);

      expect(problems.errors).toEqual([]);
      expect(problems.serverErrors).toEqual([]);
    } finally {
      await page.unrouteAll({ behavior: "ignoreErrors" });
      await page.context().close();
    }
  });

  test("both pages work on a 390 px phone", async () => {
    const page = await newPage(browser, PHONE);
    const problems = watchProblems(page);
    try {
      for (const [path, heading] of [
        ["/connectors", "Connectors"],
        ["/connections", "Connections"],
      ] as const) {
        await page.goto(url(path));
        await page.getByRole("heading", { level: 1, name: heading }).waitFor();
        await page.getByRole("article").first().waitFor();
        // Nothing is wider than the screen.
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
        await screenshot(page, `${path.slice(1)}-phone`);
      }
      await page.getByRole("button", { name: "New connection" }).click();
      const dialog = page.getByRole("dialog");
      await dialog.getByRole("heading", { name: "New connection" }).waitFor();
      await dialog.getByRole("combobox", { name: "Connector" }).click();
      await page.getByRole("option", { name: "Stripe" }).click();
      await dialog.getByRole("heading", { name: "Connect Stripe" }).waitFor();
      await dialog.getByLabel("Secret or restricted key").waitFor();
      await screenshotViewport(page, "connect-dialog-phone");
      expect(problems.errors).toEqual([]);
      expect(problems.serverErrors).toEqual([]);
    } finally {
      await page.context().close();
    }
  });
});
