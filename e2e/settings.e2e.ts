// Settings in a real browser: create an API key (shown once), use it against the REST API,
// see its last use, revoke it, and see the API refuse it; rename the workspace.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Browser } from "playwright-core";

import { DESKTOP, launchBrowser, newPage, screenshot, watchProblems } from "./browser";
import { url } from "./env";

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe("settings", () => {
  test("an API key is created once, works, shows its last use and stops working when revoked", async () => {
    const page = await newPage(browser, DESKTOP);
    const problems = watchProblems(page);
    try {
      await page.goto(url("/settings"));
      await page.getByRole("button", { name: "Create API key" }).click();
      await page.getByLabel("Key name").fill("e2e deploys");
      await page.getByRole("button", { name: "Create key" }).click();
      const keyField = page.getByRole("textbox", { name: "New API key" });
      await keyField.waitFor();
      const key = await keyField.inputValue();
      expect(key).toMatch(/^jct_[A-Za-z0-9_-]{43}$/);
      await screenshot(page, "settings-api-key-created");
      await page.getByRole("button", { name: "Done" }).click();

      // The list shows the key's first characters only, never the key.
      const table = page.getByRole("table", { name: "API keys" });
      const row = table.getByRole("row").filter({ hasText: "e2e deploys" });
      await expect.poll(() => row.count()).toBe(1);
      expect(await row.innerText()).toContain(key.slice(0, 12));
      expect(await page.content()).not.toContain(key);
      expect(await row.innerText()).toContain("Never");

      const ok = await fetch(url("/api/v1/workspace"), { headers: { authorization: `Bearer ${key}` } });
      expect(ok.status).toBe(200);
      expect((await ok.json()).role).toBe("owner");

      await page.reload();
      await expect.poll(async () => (await row.innerText()).includes("Never")).toBe(false);

      await row.getByRole("button", { name: "Revoke e2e deploys" }).click();
      await page.getByRole("alertdialog").getByRole("button", { name: "Revoke key" }).click();
      await expect.poll(async () => row.innerText()).toContain("Revoked");

      const refused = await fetch(url("/api/v1/workspace"), { headers: { authorization: `Bearer ${key}` } });
      expect(refused.status).toBe(401);
      expect((await refused.json()).error.message).toMatch(/revoked/);
      expect(problems.errors).toEqual([]);
      expect(problems.serverErrors).toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  test("renaming the workspace changes the switcher, and an empty name is refused", async () => {
    const page = await newPage(browser, DESKTOP);
    const problems = watchProblems(page);
    try {
      await page.goto(url("/settings"));
      const name = page.getByLabel("Workspace name");
      await name.fill("   ");
      await page.getByRole("button", { name: "Save", exact: true }).click();
      // The browser's own `required` check lets whitespace through; the server refuses it.
      await expect.poll(() => page.getByRole("status").innerText()).toContain("Give the workspace a name");
      await name.fill("Acme automations");
      await page.getByRole("button", { name: "Save", exact: true }).click();
      await expect.poll(() => page.getByRole("status").innerText()).toContain("Saved");
      await expect
        .poll(() => page.getByRole("button", { name: "Switch workspace" }).innerText())
        .toContain("Acme automations");
      expect(problems.errors).toEqual([]);
    } finally {
      await page.context().close();
    }
  });
});
