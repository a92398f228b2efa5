// The dashboard and the health page in a real browser, on real executions: a new (empty)
// workspace shows the onboarding checklist; two flows then post to a fake service on
// 127.0.0.1, one answered 200 and one 400, and run to the end; the dashboard counts them,
// the health page puts the failing flow first in red, its sheet shows its runs and chart,
// Pause/Resume change the flow (checked through the REST API) and Run now starts a new run.
// Then a third flow's destination answers 503: its run waits for a retry, its page says so
// with the next retry's time, and the health page turns the flow red.
import type { RequestListener } from "node:http";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Browser, Page } from "playwright-core";

import { DESKTOP, PHONE, launchBrowser, newPage, screenshot, watchProblems } from "./browser";
import { url } from "./env";
import { startFakeService, type FakeService } from "./fake-service";

const WORKSPACE = `E2E health ${Date.now().toString(36)}`;
const GOOD = "E2E orders to ledger";
const BAD = "E2E refunds to ledger";
const BUSY = "E2E payouts to ledger";
const FINAL = ["succeeded", "failed", "cancelled"];

// ---------------------------------------------------------------------------------------------
// The fake ledger: POST /ok is 200, POST /fail is 400 (not retried: a 4xx other than
// 408/425/429), POST /busy is 503 (retried).

let fake: FakeService | undefined;
let fakeUrl: string;
const received: string[] = [];

const serveFake: RequestListener = (req, res) => {
  let size = 0;
  req.on("data", (chunk: Buffer) => {
    size += chunk.length;
    if (size > 4096) req.destroy();
  });
  req.on("end", () => {
    received.push(`${req.method} ${req.url}`);
    const ok = req.url === "/ok";
    res.writeHead(ok ? 200 : req.url === "/busy" ? 503 : 400, { "content-type": "application/json", connection: "close" });
    res.end(JSON.stringify(ok ? { id: received.length } : { error: { message: "amount must be positive" } }));
  });
};

// ---------------------------------------------------------------------------------------------
// REST helpers (the API key acts in the workspace it was made in).

let apiKey = "";

async function api<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(url(path), {
    method,
    headers: { authorization: `Bearer ${apiKey}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  expect(response.status, `${method} ${path}: ${text}`).toBeLessThan(300);
  return JSON.parse(text) as T;
}

async function createFlow(name: string, connectionId: string, path: string): Promise<string> {
  const flow = await api<{ id: string }>("POST", "/api/v1/flows", {
    name,
    active: true,
    trigger: { type: "manual" },
    steps: [
      {
        key: "post",
        type: "action",
        connector: "http",
        action: "request",
        connection: connectionId,
        input: { method: "POST", url: path, body: { order: "{{ $string(trigger.body.order) }}" } },
      },
    ],
  });
  return flow.id;
}

async function runToEnd(flowId: string): Promise<{ id: string; status: string }> {
  const { execution_id } = await api<{ execution_id: string }>("POST", `/api/v1/flows/${flowId}/run`, { payload: { order: 7 } });
  return waitForEnd(execution_id);
}

async function waitForEnd(id: string): Promise<{ id: string; status: string }> {
  let status = "";
  await expect
    .poll(
      async () => {
        status = (await api<{ status: string }>("GET", `/api/v1/executions/${id}`)).status;
        return FINAL.includes(status);
      },
      { timeout: 30_000, interval: 300 },
    )
    .toBe(true);
  return { id, status };
}

async function flowActive(id: string): Promise<boolean> {
  return (await api<{ active: boolean }>("GET", `/api/v1/flows/${id}`)).active;
}

/** The left border of a row's first cell, its colour resolved to RGBA by the browser (CSS may say lab() or oklch()). */
async function leftEdge(row: ReturnType<Page["locator"]>): Promise<{ width: string; rgba: number[] }> {
  return row.locator("td").first().evaluate((td) => {
    const style = getComputedStyle(td);
    const canvas = document.createElement("canvas");
    canvas.width = canvas.height = 1;
    const context = canvas.getContext("2d")!;
    context.fillStyle = style.borderLeftColor;
    context.fillRect(0, 0, 1, 1);
    return { width: style.borderLeftWidth, rgba: Array.from(context.getImageData(0, 0, 1, 1).data) };
  });
}

/** A stat card's value, found by its label. */
async function stat(page: Page, label: string): Promise<string> {
  return page.getByRole("group", { name: label }).locator("[data-slot=stat-value]").innerText();
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

describe("dashboard and health", () => {
  test("from an empty workspace to a failing flow shown first in red, paused, resumed and run again", { timeout: 180_000 }, async () => {
    const page = await newPage(browser, DESKTOP);
    const problems = watchProblems(page);
    try {
      // A workspace of its own, so what other test files made does not show here.
      await page.goto(url("/settings"));
      await page.getByRole("button", { name: "New workspace" }).click();
      const dialog = page.getByRole("dialog", { name: "New workspace" });
      await dialog.getByLabel("Name").fill(WORKSPACE);
      await dialog.getByRole("button", { name: "Create workspace" }).click();
      await expect.poll(() => page.getByRole("button", { name: "Switch workspace" }).innerText()).toContain(WORKSPACE);

      // Empty: the checklist with nothing done, empty lists, zeros.
      await page.goto(url("/"));
      const checklist = page.getByRole("list", { name: "Onboarding checklist" });
      await checklist.waitFor();
      expect(await checklist.getByRole("listitem").allInnerTexts()).toHaveLength(4);
      expect(await checklist.locator("[data-done=true]").count()).toBe(0);
      expect(await checklist.getByRole("link", { name: "Browse connectors" }).getAttribute("href")).toBe("/connectors");
      await page.getByRole("heading", { name: "No runs yet" }).waitFor();
      await page.getByRole("heading", { name: "No flows yet" }).waitFor();
      expect(await stat(page, "Executions today")).toBe("0");
      expect(await stat(page, "Failure rate")).toBe("—");
      expect(await page.getByRole("link", { name: "Create flow" }).first().getAttribute("href")).toBe("/flows/new");
      await screenshot(page, "dashboard-empty");

      await page.goto(url("/health"));
      await page.getByRole("heading", { name: "No flows to watch yet" }).waitFor();

      // An API key of this workspace, as a person makes it.
      await page.goto(url("/settings"));
      await page.getByRole("button", { name: "Create API key" }).click();
      await page.getByLabel("Key name").fill("e2e health");
      await page.getByRole("button", { name: "Create key" }).click();
      const keyField = page.getByRole("textbox", { name: "New API key" });
      await keyField.waitFor();
      apiKey = await keyField.inputValue();
      await page.getByRole("button", { name: "Done" }).click();

      // A connection to the fake ledger and two flows posting to it; run both to the end.
      const connection = await api<{ id: string }>("POST", "/api/v1/connections", {
        connector: "http",
        name: "Fake ledger",
        auth_type: "none",
        credentials: { base_url: fakeUrl },
        validate: false,
      });
      const good = await createFlow(GOOD, connection.id, "/ok");
      const bad = await createFlow(BAD, connection.id, "/fail");
      const goodRun = await runToEnd(good);
      const badRun = await runToEnd(bad);
      expect(goodRun.status).toBe("succeeded");
      expect(badRun.status).toBe("failed");
      expect(received.filter((r) => r === "POST /ok")).toHaveLength(1);

      // The dashboard counts them; the checklist is done and gone.
      await page.goto(url("/"));
      const recent = page.getByRole("table", { name: "Recent executions" });
      await recent.waitFor();
      expect(await page.getByRole("list", { name: "Onboarding checklist" }).count()).toBe(0);
      expect(await stat(page, "Active flows")).toBe("2");
      expect(await stat(page, "Connected services")).toBe("1");
      expect(await stat(page, "Executions today")).toBe("2");
      expect(await stat(page, "Failure rate")).toBe("50%");
      expect(await stat(page, "Average duration")).toMatch(/^\d+(\.\d)? (ms|s)$/);
      const rows = recent.getByRole("row");
      expect(await rows.count()).toBe(3);
      // Newest first: the failing flow ran last.
      expect(await rows.nth(1).innerText()).toContain(BAD);
      expect(await rows.nth(1).innerText()).toContain("Failed");
      expect(await rows.nth(2).innerText()).toContain(GOOD);
      expect(await rows.nth(2).innerText()).toContain("Succeeded");
      expect(await rows.nth(2).innerText()).toContain("Manual");
      expect(await recent.getByRole("link", { name: BAD }).getAttribute("href")).toBe(`/flows/${bad}/executions/${badRun.id}`);
      const time = rows.nth(1).locator("time");
      expect(await time.innerText()).toBe("just now");
      expect(await time.getAttribute("title")).toMatch(/GMT$/);
      const flowsList = page.getByRole("list", { name: "Flows" });
      expect(await flowsList.getByRole("switch", { name: `Pause ${GOOD}` }).isChecked()).toBe(true);
      await screenshot(page, "dashboard");

      // Health: the failing flow first, red-edged, "Error"; the other "Healthy".
      await page.goto(url("/health"));
      const table = page.getByRole("table", { name: "Flow health" });
      await table.waitFor();
      const healthRows = table.locator("tbody tr");
      expect(await healthRows.count()).toBe(2);
      const first = healthRows.nth(0);
      expect(await first.getAttribute("data-health")).toBe("error");
      expect(await first.innerText()).toContain(BAD);
      expect(await first.innerText()).toContain("Error");
      expect(await first.innerText()).toContain("100%");
      const edge = await leftEdge(first);
      expect(edge.width).toBe("4px");
      // Red: a strong red channel, little green and blue, opaque.
      expect(edge.rgba[0]).toBeGreaterThan(150);
      expect(edge.rgba[1]).toBeLessThan(80);
      expect(edge.rgba[2]).toBeLessThan(80);
      expect(edge.rgba[3]).toBe(255);
      const second = healthRows.nth(1);
      expect(await second.getAttribute("data-health")).toBe("healthy");
      expect(await second.innerText()).toContain(GOOD);
      expect(await second.innerText()).toContain("Healthy");
      expect((await leftEdge(second)).rgba[3], "no coloured edge on a healthy row").toBe(0);
      // Source → destination from the trigger and the steps.
      expect(await first.innerText()).toContain("Manual");
      expect(await first.innerText()).toContain("HTTP");
      expect(await page.getByRole("group", { name: "Error rate" }).locator("[data-slot=stat-value]").innerText()).toBe("50%");
      await screenshot(page, "health");

      // The failing flow's sheet: its run and the 30-day chart.
      await first.click();
      const sheet = page.getByRole("dialog", { name: BAD });
      await sheet.waitFor();
      const runs = sheet.getByRole("list", { name: `Runs of ${BAD}` });
      await runs.waitFor();
      expect(await runs.getByRole("listitem").count()).toBe(1);
      expect(await runs.innerText()).toContain("Failed");
      expect(await runs.getByRole("link").getAttribute("href")).toBe(`/flows/${bad}/executions/${badRun.id}`);
      const chart = sheet.getByRole("img", { name: /Runs and errors per day over 30 days/ });
      expect(await chart.getAttribute("aria-label")).toBe("Runs and errors per day over 30 days: 1 runs, 1 errors");
      await expect.poll(() => chart.locator("svg .recharts-area").count()).toBe(2);
      await screenshot(page, "health-sheet");
      await page.keyboard.press("Escape");
      await sheet.waitFor({ state: "hidden" });

      // Pause and resume from the health table; the API sees each change.
      const goodRow = table.locator("tbody tr").filter({ hasText: GOOD });
      await goodRow.getByRole("switch", { name: `Pause ${GOOD}` }).click();
      await page.getByText(`Paused “${GOOD}”.`).waitFor();
      await expect.poll(() => flowActive(good)).toBe(false);
      const resume = goodRow.getByRole("switch", { name: `Resume ${GOOD}` });
      await resume.waitFor();
      expect(await resume.isChecked()).toBe(false);
      // Clicking the switch did not open the row's sheet.
      expect(await page.getByRole("dialog", { name: GOOD }).count()).toBe(0);
      await resume.click();
      await page.getByText(`Resumed “${GOOD}”.`).waitFor();
      await expect.poll(() => flowActive(good)).toBe(true);
      await goodRow.getByRole("switch", { name: `Pause ${GOOD}` }).waitFor();

      // Run now: a new execution of the flow, which runs to the end.
      await goodRow.getByRole("button", { name: `Run ${GOOD} now` }).click();
      await page.getByText(`Started a run of “${GOOD}”.`).waitFor();
      const listed = await api<{ data: { id: string; status: string }[] }>("GET", `/api/v1/executions?flow_id=${good}`);
      expect(listed.data).toHaveLength(2);
      const newRun = listed.data.find((e) => e.id !== goodRun.id)!;
      expect((await waitForEnd(newRun.id)).status).toBe("succeeded");
      expect(received.filter((r) => r === "POST /ok")).toHaveLength(2);

      // A destination that is down: the call and two quick retries get 503, then the run waits
      // for its scheduled retry (5 minutes). Its page says so; the health page turns it red.
      const busy = await createFlow(BUSY, connection.id, "/busy");
      const { execution_id: busyRun } = await api<{ execution_id: string }>("POST", `/api/v1/flows/${busy}/run`, { payload: { order: 9 } });
      await expect
        .poll(async () => (await api<{ status: string }>("GET", `/api/v1/executions/${busyRun}`)).status, { timeout: 30_000, interval: 300 })
        .toBe("retrying");
      expect(received.filter((r) => r === "POST /busy")).toHaveLength(3);
      await page.goto(url(`/flows/${busy}/executions/${busyRun}`));
      await page.getByRole("heading", { name: BUSY }).first().waitFor();
      expect(await page.locator("main [data-status=retrying]").first().innerText()).toBe("Retrying");
      expect(await page.locator("main").innerText()).toMatch(/next retry in (5|4) minutes/);
      await page.goto(url("/health"));
      const red = page.getByRole("table", { name: "Flow health" }).locator("tbody tr").filter({ hasText: BUSY });
      expect(await red.getAttribute("data-health")).toBe("error");
      expect((await leftEdge(red)).rgba[0]).toBeGreaterThan(150);
      await screenshot(page, "health-retrying");

      // On a 390 px phone: nothing wider than the screen.
      await page.setViewportSize(PHONE);
      for (const path of ["/", "/health"]) {
        await page.goto(url(path));
        await page.getByRole("group", { name: "Executions today" }).waitFor();
        expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(PHONE.width);
      }
      expect(await page.getByRole("table", { name: "Flow health" }).locator("tbody tr").first().getAttribute("data-health")).toBe("error");
      await screenshot(page, "health-phone");

      expect(problems.errors).toEqual([]);
      expect(problems.serverErrors).toEqual([]);
    } finally {
      await page.context().close();
    }
  });
});
