// Chromium through playwright-core: Debian's build (browser downloads cannot work here).
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContextOptions, type Page } from "playwright-core";

export const SCREENSHOT_DIR = join(process.cwd(), "e2e", "screenshots");

export const DESKTOP = { width: 1280, height: 800 } as const;
export const PHONE = { width: 390, height: 844 } as const;

/** Upper bound of any single wait on a page (element, click, assertion poll). */
export const ACTION_TIMEOUT_MS = 10_000;
/** Upper bound of a navigation (server-rendered pages with a database query behind them). */
export const NAVIGATION_TIMEOUT_MS = 20_000;

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
    timeout: 30_000,
  });
}

/**
 * A page in its own context (fresh cookies and storage) with bounded default timeouts.
 * The colour scheme is pinned to light so the "system" theme renders the same everywhere.
 */
export async function newPage(
  browser: Browser,
  viewport: { width: number; height: number } = DESKTOP,
  options: BrowserContextOptions = {},
): Promise<Page> {
  const context = await browser.newContext({ viewport, colorScheme: "light", ...options });
  const page = await context.newPage();
  page.setDefaultTimeout(ACTION_TIMEOUT_MS);
  page.setDefaultNavigationTimeout(NAVIGATION_TIMEOUT_MS);
  return page;
}

/** Saves a full-page PNG to e2e/screenshots/<name>.png (git-ignored) and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true, animations: "disabled" });
  return path;
}

export interface PageProblems {
  /** console.error messages and uncaught exceptions, with where they came from. */
  errors: string[];
  /** Responses with a 5xx status. */
  serverErrors: string[];
}

/** Records console errors, uncaught page errors and 5xx responses of a page. */
export function watchProblems(page: Page): PageProblems {
  const problems: PageProblems = { errors: [], serverErrors: [] };
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    const { url, lineNumber } = message.location();
    problems.errors.push(`console.error: ${message.text()}${url ? ` (${url}:${lineNumber})` : ""}`);
  });
  page.on("pageerror", (error) => {
    problems.errors.push(`pageerror: ${error.stack ?? error.message}`);
  });
  page.on("response", (response) => {
    if (response.status() >= 500) problems.serverErrors.push(`${response.status()} ${response.request().method()} ${response.url()}`);
  });
  return problems;
}
