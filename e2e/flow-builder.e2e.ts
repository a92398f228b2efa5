// The flow builder in a real browser, against a fake order service on 127.0.0.1 that accepts
// one API key: a webhook flow is built on the canvas (a mapping with rules, an HTTP action
// whose input comes from the sample through the data picker, its connection made inline),
// its steps are tested, the flow is dry-run, refused while a required field is empty, fixed,
// saved and activated; a POST to its webhook URL delivers the mapped data to the fake service.
// Undo/redo, keyboard delete, the list view, the unsaved-changes guard and a 390 px phone too.
import { createHmac, randomBytes } from "node:crypto";
import type { RequestListener } from "node:http";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Browser, Cookie, Page } from "playwright-core";

import { DESKTOP, PHONE, launchBrowser, newPage, screenshot, watchProblems } from "./browser";
import { url } from "./env";
import { startFakeService, type FakeService } from "./fake-service";

const API_KEY = `key-${randomBytes(12).toString("hex")}`;
const FLOW = `E2E order relay ${randomBytes(3).toString("hex")}`;
const CONNECTION = "E2E order service";
const SAMPLE = { id: "A-1001", customer: { email: "  Ada@Example.COM " }, total: "42.50" };

// ---------------------------------------------------------------------------------------------
// The fake order service: POST /orders with the right X-API-Key answers 201 and is recorded.

type Received = { path: string; keyOk: boolean; body: unknown };
const received: Received[] = [];
let fake: FakeService | undefined;
let fakeUrl: string;

const serveFake: RequestListener = (req, res) => {
  const chunks: Buffer[] = [];
  let size = 0;
  req.on("data", (chunk: Buffer) => {
    size += chunk.length;
    if (size > 16_384) req.destroy();
    else chunks.push(chunk);
  });
  req.on("end", () => {
    const keyOk = req.headers["x-api-key"] === API_KEY;
    let body: unknown = null;
    try {
      body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString("utf8")) : null;
    } catch {
      body = "(not JSON)";
    }
    if (received.length < 100) received.push({ path: req.url ?? "", keyOk, body });
    const ok = keyOk && req.method === "POST" && req.url === "/orders";
    res.writeHead(ok ? 201 : 401, { "content-type": "application/json", connection: "close" });
    res.end(JSON.stringify(ok ? { id: `ord_${received.length}`, received: body } : { error: { message: "invalid key" } }));
  });
};

let browser: Browser;
/** The builder's own workspace (its cookie), so its flows and connections stay out of other tests' way. */
let workspaceCookie: Cookie | undefined;

beforeAll(async () => {
  [browser, fake] = await Promise.all([launchBrowser(), startFakeService(serveFake)]);
  fakeUrl = fake.url;
});

afterAll(async () => {
  await browser?.close();
  await fake?.close();
});

// ---------------------------------------------------------------------------------------------

const node = (page: Page, title: string) => page.getByRole("button", { name: new RegExp(`^${title}: `) });
const sheet = (page: Page) => page.getByRole("dialog").filter({ has: page.getByRole("heading") }).last();

async function closeSheet(page: Page) {
  await page.keyboard.press("Escape");
  await page.getByRole("dialog").waitFor({ state: "hidden" });
}

async function choose(page: Page, scope: ReturnType<Page["getByRole"]>, combobox: string, option: string) {
  await scope.getByRole("combobox", { name: combobox }).click();
  await page.getByRole("option", { name: option, exact: true }).click();
}

/** Waits until the canvas has re-fitted its view after steps were added or removed (next frames). */
async function settle(page: Page) {
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(() => resolve())))));
}

/** Adds a step through an edge's + button and the picker. */
async function addStep(page: Page, edge: string, search: string, pick: string) {
  await settle(page);
  await page.getByRole("button", { name: edge }).click();
  const picker = page.getByRole("dialog", { name: "Add a step" });
  await picker.getByRole("searchbox", { name: "Search steps and apps" }).fill(search);
  await picker.getByRole("button", { name: pick }).click();
  await picker.waitFor({ state: "hidden" });
}

/** Creates a workspace through Settings and switches to it, as a person would. */
async function useOwnWorkspace(page: Page): Promise<void> {
  await page.goto(url("/settings"));
  await page.getByRole("button", { name: "New workspace" }).click();
  const dialog = page.getByRole("dialog", { name: "New workspace" });
  await dialog.getByLabel("Name").fill("E2E flow builder");
  await dialog.getByRole("button", { name: "Create workspace" }).click();
  await expect.poll(() => page.getByRole("button", { name: "Switch workspace" }).innerText()).toContain("E2E flow builder");
  workspaceCookie = (await page.context().cookies()).find((c) => c.name === "junction_workspace");
  expect(workspaceCookie).toBeDefined();
}

async function pageInWorkspace(viewport: { width: number; height: number }): Promise<Page> {
  const page = await newPage(browser, viewport);
  if (workspaceCookie) await page.context().addCookies([workspaceCookie]);
  return page;
}

/** The same-origin session reads the REST API, as the app's own pages could. */
async function apiGet(page: Page, path: string): Promise<{ status: number; body: Record<string, unknown> }> {
  return page.evaluate(async (p) => {
    const response = await fetch(p, { signal: AbortSignal.timeout(10_000) });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }, path);
}

describe("flow builder", () => {
  test("builds, tests, dry-runs, validates, activates and runs a webhook flow", async () => {
    const page = await newPage(browser, DESKTOP);
    const problems = watchProblems(page);
    try {
      await useOwnWorkspace(page);
      await page.goto(url("/flows"));
      await page.getByRole("heading", { name: "No flows yet" }).waitFor();
      await page.getByRole("link", { name: "New flow" }).click();
      await page.waitForURL(/\/flows\/new$/);
      expect(await page.getByRole("link", { name: "Start from a template" }).getAttribute("href")).toBe("/templates");
      await page.getByRole("textbox", { name: "Flow name" }).fill(FLOW);

      // The trigger: a webhook, with a sample pasted in.
      await node(page, "Trigger").click();
      let panel = sheet(page);
      await panel.getByRole("heading", { name: "Trigger: Webhook" }).waitFor();
      expect(await panel.innerText()).toContain("Save the flow to get its webhook URL.");
      await panel.getByLabel("Paste a sample (JSON)").fill(JSON.stringify(SAMPLE));
      await panel.getByRole("button", { name: "Use this sample" }).click();
      await closeSheet(page);

      // A mapping step: source fields on the left, connected to destinations with rules.
      await addStep(page, "Add a step between the trigger and the end", "map", "Map fields");
      panel = sheet(page);
      await panel.getByRole("heading", { name: "Map fields" }).waitFor();
      await panel.getByRole("button", { name: "Map trigger.body.customer.email" }).click();
      const email = panel.getByRole("group", { name: "Destination email" });
      expect(await email.getByRole("textbox", { name: "Source for email" }).inputValue()).toBe("trigger.body.customer.email");
      for (const rule of ["Trim spaces", "Lowercase"]) {
        await choose(page, email, "Rule for email", rule);
        await email.getByRole("button", { name: "Add rule to email" }).click();
      }
      expect(await email.getByRole("list", { name: "Rules for email" }).innerText()).toMatch(/1\. Trim spaces[\s\S]*2\. Lowercase/);
      // Pick a destination, then click the source to connect them.
      await panel.getByRole("button", { name: "Add destination field" }).click();
      const total = panel.getByRole("group", { name: "Destination field" });
      await total.getByRole("textbox", { name: "Destination field 2" }).fill("total");
      await panel.getByRole("button", { name: "Map trigger.body.total" }).click();
      const totalRow = panel.getByRole("group", { name: "Destination total" });
      expect(await totalRow.getByRole("textbox", { name: "Source for total" }).inputValue()).toBe("trigger.body.total");
      await choose(page, totalRow, "Rule for total", "To number");
      await totalRow.getByRole("button", { name: "Add rule to total" }).click();
      await closeSheet(page);
      await node(page, "Map fields").waitFor();
      expect(await node(page, "Map fields").getAttribute("aria-label")).toContain("2 mapped");

      // An HTTP action after it, with a connection made inline.
      await addStep(page, "Add a step between Map fields and the end", "HTTP request", "HTTP: HTTP request");
      panel = sheet(page);
      await panel.getByRole("heading", { name: "HTTP request" }).waitFor();
      await panel.getByRole("button", { name: "Connect new" }).click();
      const connect = page.getByRole("dialog", { name: "Connect HTTP" });
      await connect.getByLabel("Connection name").fill(CONNECTION);
      await choose(page, connect, "Authentication", "API key header");
      await connect.getByLabel("Base URL").fill(fakeUrl);
      await connect.getByLabel("API key", { exact: true }).fill(API_KEY);
      await connect.getByRole("button", { name: "Save connection" }).click();
      await connect.waitFor({ state: "hidden" });
      await choose(page, panel, "Connection", CONNECTION);
      await choose(page, panel, "Method", "POST");
      // The body: each field's value picked from the sample or the mapping step's output.
      const fields: [string, string][] = [
        ["order_id", "trigger.body.id"],
        ["email", "steps.map.output.email"],
        ["total", "steps.map.output.total"],
      ];
      for (const [i, [name, path]] of fields.entries()) {
        await panel.getByRole("button", { name: "Add body field" }).click();
        await panel.getByRole("textbox", { name: `Body field ${i + 1} name` }).fill(name);
        await panel.getByRole("button", { name: `Insert data into Body · ${name}` }).click();
        await page.getByRole("list", { name: "Data fields" }).getByRole("button", { name: path, exact: true }).click();
        expect(await panel.getByRole("textbox", { name: `Body · ${name}` }).inputValue()).toBe(`{{ ${path} }}`);
      }
      await panel.evaluate((el) => el.scrollTo(0, 0));
      await screenshot(page, "flow-builder-step-sheet");
      await closeSheet(page);

      // Save refuses the empty required URL and marks the step.
      await page.getByRole("button", { name: "Save", exact: true }).click();
      const http = node(page, "HTTP request");
      await expect.poll(() => http.getAttribute("aria-label")).toContain("1 problem");
      expect(await http.innerText()).toContain("Url is required");
      expect(await page.getByRole("alert").filter({ hasText: "problem" }).first().innerText()).toMatch(/1 problem to fix/);
      expect(page.url()).toMatch(/\/flows\/new$/);

      // Fix it; "Test step" saves the flow and calls the service for real.
      await http.click();
      panel = sheet(page);
      await panel.getByRole("textbox", { name: "Url" }).fill("/orders");
      expect(await panel.getByRole("alert", { name: "Problems with this step" }).count()).toBe(0);
      await panel.getByRole("button", { name: "Test step" }).click();
      const result = panel.getByRole("region", { name: "Test result" });
      await result.waitFor({ timeout: 20_000 });
      expect(await result.innerText()).toContain("Succeeded");
      expect(await result.innerText()).toContain("HTTP 201");
      await expect.poll(() => page.url()).toMatch(/\/flows\/[0-9a-f-]{36}$/);
      const flowId = page.url().split("/").pop()!;
      expect(received).toHaveLength(1);
      expect(received[0]).toMatchObject({ path: "/orders", keyOk: true, body: { order_id: "A-1001" } });
      await closeSheet(page);

      // The mapping step's test shows its rules applied to the sample.
      await node(page, "Map fields").click();
      panel = sheet(page);
      await panel.getByRole("button", { name: "Test step" }).click();
      const mapped = panel.getByRole("region", { name: "Test result" });
      await mapped.waitFor({ timeout: 20_000 });
      expect(JSON.parse(await mapped.getByLabel("Test output").innerText())).toEqual({ email: "ada@example.com", total: 42.5 });
      await closeSheet(page);

      // Dry run: the whole flow, nothing sent.
      await page.getByRole("button", { name: "Dry run" }).click();
      const dry = page.getByRole("dialog", { name: "Dry run" });
      const post = dry.getByLabel("Output of http_request");
      await post.waitFor({ timeout: 30_000 });
      const wouldSend = JSON.parse(await post.innerText()) as { dry_run: boolean; would_send: { body?: string } };
      expect(wouldSend.dry_run).toBe(true);
      expect(JSON.stringify(wouldSend.would_send)).toContain("ada@example.com");
      expect(received).toHaveLength(1);
      await page.keyboard.press("Escape");
      await dry.waitFor({ state: "hidden" });

      // Undo/redo and keyboard delete on a step added at the end.
      await settle(page);
      await page.getByRole("button", { name: "Add a step at the end" }).click();
      await page.getByRole("dialog", { name: "Add a step" }).getByRole("button", { name: /^Delay/ }).click();
      await closeSheet(page);
      await node(page, "Delay").waitFor();
      await page.keyboard.press("Delete");
      await node(page, "Delay").waitFor({ state: "detached" });
      await page.keyboard.press("Control+z");
      await node(page, "Delay").waitFor();
      await page.keyboard.press("Control+Shift+z");
      await node(page, "Delay").waitFor({ state: "detached" });
      await page.getByRole("button", { name: "Undo", exact: true }).click();
      await node(page, "Delay").waitFor();
      await page.getByRole("button", { name: "Redo", exact: true }).click();
      await node(page, "Delay").waitFor({ state: "detached" });

      // A branch puts its two paths side by side.
      await settle(page);
      await page.getByRole("button", { name: "Add a step at the end" }).click();
      await page.getByRole("dialog", { name: "Add a step" }).getByRole("button", { name: /^Branch/ }).click();
      await closeSheet(page);
      await settle(page);
      const thenArm = await page.getByRole("button", { name: "Add a step to branch · then" }).boundingBox();
      const elseArm = await page.getByRole("button", { name: "Add a step to branch · else" }).boundingBox();
      expect(thenArm && elseArm && Math.abs(thenArm.y - elseArm.y) < 1 && thenArm.x < elseArm.x).toBe(true);

      // The list view edits the same definition.
      await page.getByRole("tab", { name: "List" }).click();
      const steps = page.getByRole("list", { name: "Steps", exact: true });
      expect(await steps.getByRole("listitem").first().innerText()).toContain("1. Map fields");
      expect(await steps.innerText()).toContain("2. HTTP request");
      expect(await steps.innerText()).toContain("3. Branch");
      await page.getByRole("button", { name: "Delete Branch" }).click();
      await expect.poll(() => steps.innerText()).not.toContain("Branch");
      await page.getByRole("tab", { name: "Canvas" }).click();

      // Save & activate; the webhook URL is shown once.
      await page.getByRole("button", { name: "Save & activate" }).click();
      await page.getByText(/Saved version \d+ and activated\./).waitFor();
      expect(await page.getByRole("switch", { name: "Active" }).getAttribute("aria-checked")).toBe("true");
      await node(page, "Trigger").click();
      panel = sheet(page);
      const webhookUrl = await panel.getByRole("textbox", { name: "Webhook URL" }).inputValue();
      expect(webhookUrl).toMatch(/\/api\/webhooks\/[A-Za-z0-9_-]{43}$/);
      await screenshot(page, "flow-builder-trigger-sheet");
      await closeSheet(page);
      await screenshot(page, "flow-builder");

      // A webhook delivers the mapped data.
      const response = await fetch(webhookUrl, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ ...SAMPLE, id: "B-2002" }),
        signal: AbortSignal.timeout(10_000),
      });
      expect(response.status).toBe(202);
      const { execution_id } = (await response.json()) as { execution_id: string };
      await expect.poll(() => received.length, { timeout: 30_000, interval: 250 }).toBe(2);
      expect(received[1]).toMatchObject({ path: "/orders", keyOk: true, body: { order_id: "B-2002", email: "ada@example.com", total: 42.5 } });
      await expect
        .poll(async () => (await apiGet(page, `/api/v1/executions/${execution_id}`)).body.status, { timeout: 20_000, interval: 250 })
        .toBe("succeeded");
      const execution = await apiGet(page, `/api/v1/executions/${execution_id}`);
      expect(execution.body).toMatchObject({ flow_id: flowId });
      // The run is in the executions list; its step log shows each step and what the service got.
      const logPage = await page.context().newPage();
      try {
        await logPage.goto(url(`/executions?flow=${flowId}`));
        await logPage
          .getByRole("table", { name: "Executions" })
          .getByRole("link", { name: new RegExp(`^Open the succeeded execution of ${FLOW}`) })
          .first()
          .click();
        await logPage.waitForURL(new RegExp(`/flows/${flowId}/executions/${execution_id}$`));
        const httpStep = logPage.getByRole("button", { name: "Step http_request: succeeded" });
        expect(await httpStep.innerText()).toContain("HTTP 201");
        await httpStep.click();
        const input = logPage.getByRole("region", { name: "Step http_request: succeeded" });
        await input.waitFor();
        expect(await input.innerText()).toContain("B-2002");
      } finally {
        await logPage.close();
      }

      // "Load last event" brings that webhook's body in as the sample.
      await node(page, "Trigger").click();
      panel = sheet(page);
      await panel.getByRole("button", { name: "Load last event" }).click();
      await expect.poll(async () => panel.getByLabel("Paste a sample (JSON)").inputValue()).toContain("B-2002");
      await closeSheet(page);
      // "Load last execution" also brings the steps' real outputs into the data picker.
      await node(page, "Trigger").click();
      await sheet(page).getByRole("button", { name: "Load last execution" }).click();
      await page.getByText(/Sample loaded from the execution of/).waitFor();
      await closeSheet(page);
      await node(page, "HTTP request").click();
      await sheet(page).getByRole("button", { name: "Insert data into Url" }).click();
      const picked = page.getByRole("list", { name: "Data fields" });
      expect(await picked.getByRole("button", { name: "steps.http_request.output.status", exact: true }).count()).toBe(0);
      expect(await picked.getByRole("button", { name: "steps.map.output.email", exact: true }).innerText()).toContain("ada@example.com");
      await page.keyboard.press("Escape");
      await picked.waitFor({ state: "hidden" });
      await closeSheet(page);
      expect(await page.getByRole("status").filter({ hasText: "Unsaved changes" }).count()).toBe(1);
      await page.getByRole("button", { name: "Save", exact: true }).click();
      await page.getByRole("status").filter({ hasText: "All changes saved" }).waitFor();

      // Unsaved changes ask before leaving.
      await page.getByRole("textbox", { name: "Flow name" }).fill(`${FLOW} (draft)`);
      const asked: string[] = [];
      page.once("dialog", (dialog) => {
        asked.push(dialog.message());
        void dialog.dismiss();
      });
      await page.getByRole("link", { name: "← Flows" }).click();
      await expect.poll(() => asked).toEqual(["You have unsaved changes. Leave without saving?"]);
      expect(page.url()).toContain(flowId);
      await page.getByRole("button", { name: "Undo", exact: true }).click();
      await page.getByRole("status").filter({ hasText: "All changes saved" }).waitFor();

      // The list of flows.
      await page.getByRole("link", { name: "← Flows" }).click();
      await page.waitForURL(/\/flows$/);
      const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: FLOW, exact: true }) });
      await row.waitFor();
      expect(await row.innerText()).toContain("Webhook");
      expect(await row.getByRole("switch", { name: `${FLOW} active` }).getAttribute("aria-checked")).toBe("true");
      expect(await row.locator("time").getAttribute("title")).toMatch(/GMT$/);
      await screenshot(page, "flows-list");

      expect(problems.errors).toEqual([]);
      expect(problems.serverErrors).toEqual([]);
    } catch (error) {
      await screenshot(page, "flow-builder-failure");
      throw error;
    } finally {
      await page.context().close();
    }
  });

  test("a webhook's signature check and secret are set on the trigger (and the flow's description and retry delays in its settings): unsigned deliveries are refused, signed ones run, the secret never comes back", async () => {
    const page = await pageInWorkspace(DESKTOP);
    const problems = watchProblems(page);
    const secret = `gh-secret-${randomBytes(12).toString("hex")}`;
    try {
      await page.goto(url("/flows/new"));
      await page.getByRole("textbox", { name: "Flow name" }).fill(`${FLOW} signed`);
      await node(page, "Trigger").click();
      let panel = sheet(page);
      const security = panel.getByRole("region", { name: "Webhook security" });
      expect(await security.innerText()).toContain("Anyone who knows the URL can start the flow.");
      await choose(page, security, "Signature check", "GitHub (X-Hub-Signature-256)");
      expect(await security.getByRole("status").innerText()).toContain("No signing secret is stored yet");
      await security.getByLabel("Signing secret").fill(secret);
      await closeSheet(page);

      // The flow's own settings: a description and its retry delays, checked as typed.
      await page.getByRole("button", { name: "Flow settings" }).click();
      const settings = page.getByRole("dialog", { name: "Flow settings" });
      expect(await settings.getByLabel("Retry a failed run after").inputValue()).toBe("5m, 15m, 1h");
      await settings.getByLabel("Description").fill("Issues from GitHub, signed.");
      await settings.getByLabel("Retry a failed run after").fill("1m, soon");
      await settings.getByRole("button", { name: "Apply" }).click();
      expect(await settings.getByRole("alert").innerText()).toContain("“soon” is not a delay");
      await settings.getByLabel("Retry a failed run after").fill("1m, 10m");
      await settings.getByRole("button", { name: "Apply" }).click();
      await settings.waitFor({ state: "hidden" });

      await page.getByRole("button", { name: "Save & activate" }).click();
      await page.getByText("Saved version 1 and activated.").waitFor();
      const savedId = new URL(page.url()).pathname.split("/").at(-1);
      expect((await apiGet(page, `/api/v1/flows/${savedId}`)).body).toMatchObject({
        description: "Issues from GitHub, signed.",
        retry: { delays_seconds: [60, 600] },
      });

      await node(page, "Trigger").click();
      panel = sheet(page);
      const webhookUrl = await panel.getByRole("textbox", { name: "Webhook URL" }).inputValue();
      await closeSheet(page);
      const body = JSON.stringify({ action: "opened" });
      const deliver = (headers: Record<string, string>) =>
        fetch(webhookUrl, { method: "POST", headers: { "content-type": "application/json", ...headers }, body, signal: AbortSignal.timeout(10_000) });
      const unsigned = await deliver({});
      expect(unsigned.status).toBe(401);
      expect(((await unsigned.json()) as { error: { message: string } }).error.message).toMatch(/Signature check failed/);
      const signature = `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
      expect((await deliver({ "x-hub-signature-256": signature, "x-github-delivery": "e2e-signed-1" })).status).toBe(202);

      // A fresh load knows a secret is stored, and the secret is nowhere on the page.
      await page.reload();
      await node(page, "Trigger").click();
      panel = sheet(page);
      expect(await panel.getByRole("region", { name: "Webhook security" }).getByRole("status").innerText()).toContain("A signing secret is stored");
      expect(await page.content()).not.toContain(secret);
      expect(problems.errors).toEqual([]);
      expect(problems.serverErrors).toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  test("a schedule trigger shows its schedule in words and its next five runs", async () => {
    const page = await pageInWorkspace(DESKTOP);
    const problems = watchProblems(page);
    try {
      await page.goto(url("/flows/new"));
      await node(page, "Trigger").click();
      const panel = sheet(page);
      await choose(page, panel, "Trigger type", "Schedule: at set times");
      await panel.getByLabel("Time zone").fill("UTC");
      await panel.getByLabel("Cron expression").fill("30 6 * * *");
      const preview = panel.getByRole("status").filter({ hasText: "Next runs" });
      await expect.poll(() => preview.innerText().catch(() => "")).toContain("Every day at 06:30");
      expect(await preview.getByRole("list", { name: "Next runs" }).getByRole("listitem").count()).toBe(5);
      await panel.getByLabel("Cron expression").fill("30 6 * *");
      await panel.getByRole("status").filter({ hasText: "5 fields" }).waitFor();
      await closeSheet(page);
      expect(await node(page, "Trigger").getAttribute("aria-label")).toBe("Trigger: Schedule · 30 6 * * (UTC)");
      expect(problems.errors).toEqual([]);
      expect(problems.serverErrors).toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  test("the builder can be read on a 390 px phone", async () => {
    const page = await pageInWorkspace(PHONE);
    const problems = watchProblems(page);
    try {
      await page.goto(url("/flows"));
      await page.getByRole("link", { name: FLOW, exact: true }).click();
      await node(page, "HTTP request").waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
      await node(page, "HTTP request").click();
      await sheet(page).getByRole("heading", { name: "HTTP request" }).waitFor();
      await closeSheet(page);
      await screenshot(page, "flow-builder-phone");
      expect(problems.errors).toEqual([]);
      expect(problems.serverErrors).toEqual([]);
    } finally {
      await page.context().close();
    }
  });
});
