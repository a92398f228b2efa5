import { inject } from "vitest";

/** Base URL of the server under test (no trailing slash), from e2e/global-setup.ts. */
export function baseUrl(): string {
  return inject("baseUrl");
}

/** An absolute URL on the server under test. */
export function url(path: string): string {
  return baseUrl() + path;
}

/**
 * JUNCTION_DATA_DIR of the server under test, for running the CLI with the same data folder.
 * The embedded database is locked by the running server, so only commands that do not open it
 * can run meanwhile; get data through the server (HTTP) instead.
 */
export function dataDir(): string {
  const dir = inject("dataDir");
  if (!dir) throw new Error("The data folder of the server under test is unknown (set E2E_DATA_DIR with E2E_BASE_URL).");
  return dir;
}
