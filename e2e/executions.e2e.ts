// Execution logs in a real browser. Data comes in through real paths: a workspace made in
// Settings (so the list starts empty), flows made and run through the REST API with the page's
// own session, and a fake service on 127.0.0.1 whose answer the test switches. The list shows
// the runs with their badges and narrows by status and flow; the failed run's page shows the
// error and the step log with its HTTP status; "Re-run" succeeds once the service is fixed, and
// the page follows it live from running to succeeded.
import { randomUUID } from "node:crypto";
import type { RequestListener } from "node:http";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Browser, Page } from "playwright-core";

import { DESKTOP, PHONE, launchBrowser, newPage, screenshot, watchProblems } from "./browser";
import { url } from "./env";
import { startFakeService, type FakeService } from "./fake-service";

const ORDERS = "E2E orders";
const PINGS = "E2E pings";

// ---------------------------------------------------------------------------------------------
// The fake service: /orders answers 400 until the test fixes it, then 200 after a delay (so the
// run is seen running); /pings always answers 200.

let ordersBroken = true;
let lateReplies = 0;
const ORDERS_DELAY_MS = 5_000;
const received: string[] = [];
const bodies: string[] = [];
let fake: FakeService | undefined;
let fakeUrl: string;

const serveFake: RequestListener = (req, res) => {
  let size = 0;
  let body = "";
  req.on("data", (chunk: Buffer) => {
    size += chunk.length;
    body += chunk.toString("utf8");
    if (size > 4096) req.destroy();
  });
  req.on("end", () => {
    received.push(`${req.method} ${req.url}`);
    bodies.push(body);
    const reply = (status: number, body: unknown) => {
      if (res.destroyed) return;
      res.writeHead(status, { "content-type": "application/json", connection: "close" });
      res.end(JSON.stringify(body));
    };
    if (received.length > 50) return reply(503, { error: "too many requests for a test" });
    if (req.url === "/orders" && ordersBroken) return reply(400, { error: "order 42 has no customer" });
    if (req.url === "/orders") {
      return void setTimeout(() => {
        reply(200, { stored: true });
        lateReplies += 1;
      }, ORDERS_DELAY_MS);
    }
    if (req.url === "/pings") return reply(200, { pong: true });
    reply(404, { error: "no such path" });
  });
};

let browser: Browser;

beforeAll(async () => {
  [browser, fake] = await Promise.all([launchBrowser(), startFakeService(serveFake, 15_000)]);
  fakeUrl = fake.url;
});

afterAll(async () => {
  await browser?.close();
  await fake?.close();
});

/** The REST API with the page's signed-in session (same-origin fetch), as the hub's own pages use it. */
async function api(page: Page, method: string, path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const result = await page.evaluate(
    async ({ method, path, body }) => {
      const response = await fetch(path, {
        method,
        headers: body === undefined ? {} : { "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(10_000),
      });
      return { status: response.status, text: await response.text() };
    },
    { method, path, body },
  );
  return { status: result.status, json: JSON.parse(result.text) as Record<string, unknown> };
}

const flowDefinition = (name: string, path: string, version: string) => ({
  name,
  active: true,
  trigger: { type: "manual" },
  steps: [
    {
      key: "post",
      type: "action",
      connector: "http",
      action: "request",
      connection: null,
      input: { method: "POST", url: `${fakeUrl}${path}`, body: { order: "{{ trigger.body.order }}", version } },
    },
  ],
});

async function createFlow(page: Page, name: string, path: string): Promise<string> {
  const created = await api(page, "POST", "/api/v1/flows", flowDefinition(name, path, "one"));
  expect(created.status, JSON.stringify(created.json)).toBe(201);
  return created.json.id as string;
}

async function runFlow(page: Page, flowId: string): Promise<string> {
  const run = await api(page, "POST", `/api/v1/flows/${flowId}/run`, { payload: { order: 42 } });
  expect(run.status, JSON.stringify(run.json)).toBe(202);
  return run.json.execution_id as string;
}

async function finalStatus(page: Page, executionId: string): Promise<string> {
  let status = "";
  await expect
    .poll(
      async () => {
        status = (await api(page, "GET", `/api/v1/executions/${executionId}`)).json.status as string;
        return ["succeeded", "failed", "cancelled"].includes(status);
      },
      { timeout: 30_000, interval: 500 },
    )
    .toBe(true);
  return status;
}

const rows = (page: Page) => page.getByRole("table", { name: "Executions" }).getByRole("row").filter({ has: page.getByRole("cell") });
const rowTexts = async (page: Page) => (await rows(page).allInnerTexts()).map((t) => t.replace(/\s+/g, " ").trim());

describe("execution logs", () => {
  test("lists runs with their status, filters them, shows a failed run's log and re-runs it live", async () => {
    const page = await newPage(browser, DESKTOP);
    const problems = watchProblems(page);
    try {
      // A workspace of its own, made in Settings: the list starts empty.
      await page.goto(url("/settings"));
      await page.getByRole("button", { name: "New workspace" }).click();
      await page.getByLabel("Name", { exact: true }).fill("E2E executions");
      await page.getByRole("button", { name: "Create workspace" }).click();
      await expect.poll(() => page.getByRole("button", { name: "Switch workspace" }).innerText()).toContain("E2E executions");
      await page.goto(url("/executions"));
      await page.getByRole("heading", { name: "No executions yet" }).waitFor();

      const ordersFlow = await createFlow(page, ORDERS, "/orders");
      const pingsFlow = await createFlow(page, PINGS, "/pings");
      const failedRun = await runFlow(page, ordersFlow);
      expect(await finalStatus(page, failedRun)).toBe("failed");
      const pingRun = await runFlow(page, pingsFlow);
      expect(await finalStatus(page, pingRun)).toBe("succeeded");
      expect(received).toEqual(["POST /orders", "POST /pings"]);

      // Both runs, newest first, with their badges.
      await page.goto(url("/executions"));
      await expect.poll(() => rows(page).count()).toBe(2);
      const texts = await rowTexts(page);
      expect(texts[0]).toMatch(new RegExp(`^${PINGS} Manual Succeeded`));
      expect(texts[1]).toMatch(new RegExp(`^${ORDERS} Manual Failed`));
      const started = rows(page).first().locator("time");
      expect(await started.innerText()).toBe("just now");
      expect(await started.getAttribute("title")).toMatch(/GMT$/);
      await screenshot(page, "executions");

      // Status filter: only the failed run; it is in the URL.
      await page.getByRole("button", { name: "Status: All statuses" }).click();
      await page.getByRole("menuitemcheckbox", { name: "Failed" }).click();
      await page.waitForURL(/status=failed/);
      await page.keyboard.press("Escape");
      await expect.poll(() => rowTexts(page)).toEqual([expect.stringMatching(new RegExp(`^${ORDERS} Manual Failed`))]);
      await page.getByRole("button", { name: "Clear filters" }).click();
      await page.waitForURL((u) => u.search === "");
      await expect.poll(() => rows(page).count()).toBe(2);

      // Flow filter: only the pings.
      await page.getByRole("combobox", { name: "Flow" }).click();
      await page.getByRole("option", { name: PINGS }).click();
      await page.waitForURL(new RegExp(`flow=${pingsFlow}`));
      await expect.poll(() => rowTexts(page)).toEqual([expect.stringMatching(new RegExp(`^${PINGS} Manual Succeeded`))]);
      // Failed runs of the pings flow: none, and the list says so.
      await page.getByRole("button", { name: "Status: All statuses" }).click();
      await page.getByRole("menuitemcheckbox", { name: "Failed" }).click();
      await page.keyboard.press("Escape");
      await page.getByRole("heading", { name: "No executions match" }).waitFor();
      await page.goto(url("/executions"));

      // The failed run's page: why it failed, and the step log with the HTTP status.
      await page.getByRole("link", { name: `Open the failed execution of ${ORDERS}` }).click();
      await page.waitForURL(url(`/flows/${ordersFlow}/executions/${failedRun}`));
      const summary = page.locator("dl[aria-label='Execution summary']");
      await summary.waitFor();
      expect(await summary.locator("[data-status]").innerText()).toBe("Failed");
      const reason = page.getByRole("region", { name: "Why it failed" });
      expect(await reason.innerText()).toMatch(/400/);
      const step = page.getByRole("button", { name: "Step post: failed" });
      expect(await step.getAttribute("aria-expanded"), "a failed step opens by itself").toBe("true");
      expect(await step.innerText()).toContain("HTTP 400");
      const stepError = page.getByRole("region", { name: "Error in post" });
      expect(await stepError.innerText()).toMatch(/400/);
      // A failed step is logged with the input it tried to send.
      expect(await page.getByRole("group", { name: "Input of post" }).innerText()).toContain(`${fakeUrl}/orders`);
      expect(await page.getByRole("group", { name: "Trigger payload" }).innerText()).toContain("42");
      await page.getByRole("button", { name: "Copy trigger payload" }).waitFor();
      await screenshot(page, "execution-detail");

      // Fix the service and the flow (a second version), and re-run on the current version: a new
      // execution, followed live from running to succeeded.
      ordersBroken = false;
      const edited = await api(page, "PUT", `/api/v1/flows/${ordersFlow}`, flowDefinition(ORDERS, "/orders", "two"));
      expect(edited.status, JSON.stringify(edited.json)).toBe(200);
      await page.reload();
      expect(await summary.innerText()).toContain("v1 (current: v2)");
      await page.getByRole("button", { name: "Re-run", exact: true }).click();
      const dialog = page.getByRole("dialog", { name: "Re-run this execution" });
      await dialog.waitFor();
      await dialog.getByRole("combobox", { name: "Flow version" }).click();
      await page.getByRole("option", { name: "The current version: v2" }).click();
      await dialog.getByRole("button", { name: "Start re-run" }).click();
      await page.waitForURL((u) => u.pathname.startsWith(`/flows/${ordersFlow}/executions/`) && !u.pathname.endsWith(failedRun));
      const rerunId = new URL(page.url()).pathname.split("/").pop()!;
      await page.getByText("Re-run started.").waitFor();
      const status = summary.locator("[data-status]");
      await expect.poll(() => status.getAttribute("data-status"), { timeout: 15_000, interval: 100 }).toBe("running");
      await page.getByText("Updating live until it finishes").waitFor();
      await expect.poll(() => status.getAttribute("data-status"), { timeout: 30_000, interval: 250 }).toBe("succeeded");
      await page.getByText("Updating live until it finishes").waitFor({ state: "hidden" });
      expect(await page.getByRole("button", { name: "Step post: succeeded" }).innerText()).toContain("HTTP 200");
      await page.getByRole("button", { name: "Step post: succeeded" }).click();
      expect(await page.getByRole("group", { name: "Input of post" }).innerText()).toContain(`${fakeUrl}/orders`);
      expect(await page.getByRole("group", { name: "Output of post" }).innerText()).toContain("stored");
      expect(await page.getByRole("link", { name: failedRun.slice(0, 8) }).getAttribute("href")).toBe(`/flows/${ordersFlow}/executions/${failedRun}`);
      expect(received).toEqual(["POST /orders", "POST /pings", "POST /orders"]);
      expect(JSON.parse(bodies[0])).toEqual({ order: 42, version: "one" });
      expect(JSON.parse(bodies[2]), "the re-run ran the current version").toEqual({ order: 42, version: "two" });
      expect(await summary.innerText()).toMatch(/Flow version\s*v2/);

      // A run can be cancelled while it waits on the service (a confirmation first).
      const slowRun = await runFlow(page, ordersFlow);
      await page.goto(url(`/flows/${ordersFlow}/executions/${slowRun}`));
      // Cancelled while its call is in flight.
      await expect.poll(() => received.length, { timeout: 15_000 }).toBe(4);
      await page.getByRole("button", { name: "Cancel execution" }).click();
      const confirm = page.getByRole("alertdialog", { name: "Cancel this execution?" });
      await confirm.getByRole("button", { name: "Cancel execution" }).click();
      await page.getByText("Execution cancelled.").waitFor();
      await expect.poll(() => summary.locator("[data-status]").getAttribute("data-status")).toBe("cancelled");
      expect(await page.getByRole("button", { name: "Cancel execution" }).count()).toBe(0);
      // The service answers after all; the engine must not turn the run back into a success.
      await expect.poll(() => lateReplies, { timeout: 15_000 }).toBe(2);
      await page.waitForTimeout(1_500);
      expect((await api(page, "GET", `/api/v1/executions/${slowRun}`)).json.status).toBe("cancelled");

      // The list has the newest on top, the re-run marked as one.
      await page.goto(url("/executions"));
      await expect.poll(() => rows(page).count()).toBe(4);
      const listed = await rowTexts(page);
      expect(listed[0]).toMatch(new RegExp(`^${ORDERS} Manual Cancelled`));
      expect(listed[1]).toMatch(new RegExp(`^${ORDERS} Manual · re-run Succeeded`));
      expect(await page.getByRole("link", { name: `Open the succeeded execution of ${ORDERS}` }).getAttribute("href")).toBe(
        `/flows/${ordersFlow}/executions/${rerunId}`,
      );

      // The short link goes to the flow-scoped page.
      await page.goto(url(`/executions/${rerunId}`));
      await page.waitForURL(url(`/flows/${ordersFlow}/executions/${rerunId}`));

      // On a phone the list is cards.
      await page.setViewportSize(PHONE);
      await page.goto(url("/executions"));
      const cards = page.getByRole("list", { name: "Executions" }).getByRole("listitem");
      await expect.poll(() => cards.count()).toBe(4);
      expect(await page.getByRole("table", { name: "Executions" }).isVisible()).toBe(false);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, "no sideways scrolling at 390 px").toBeLessThanOrEqual(PHONE.width);
      await screenshot(page, "executions-phone");
      await cards.nth(1).getByRole("link").click();
      await page.waitForURL(url(`/flows/${ordersFlow}/executions/${rerunId}`));
      await page.getByRole("button", { name: "Step post: succeeded" }).waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth), "the execution page fits 390 px").toBeLessThanOrEqual(PHONE.width);

      expect(problems.errors).toEqual([]);
      expect(problems.serverErrors).toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  test("an unknown execution and unreadable filters get a clear message, not a crash", async () => {
    const page = await newPage(browser, DESKTOP);
    const problems = watchProblems(page);
    try {
      await page.goto(url(`/flows/${randomUUID()}/executions/${randomUUID()}`));
      await page.getByRole("heading", { name: "Execution not found" }).waitFor();
      await page.goto(url("/executions/not-an-id"));
      await page.getByRole("heading", { name: "Execution not found" }).waitFor();

      await page.goto(url("/executions?status=exploded&range=1y"));
      const alert = page.getByRole("alert").filter({ hasText: "filters the list cannot read" });
      await alert.waitFor();
      expect(await alert.innerText()).toContain("“range” must be 1h, 24h, 7d, 30d or custom.");
      expect(await alert.innerText()).toMatch(/“status” is not a status/);
      await alert.getByRole("link", { name: "Show all executions" }).click();
      await page.waitForURL(url("/executions"));
      expect(problems.serverErrors).toEqual([]);
      // The not-found pages answer 404, which the browser logs as a failed resource load.
      expect(problems.errors.filter((e) => !/status of 404/.test(e))).toEqual([]);
    } finally {
      await page.context().close();
    }
  });
});
