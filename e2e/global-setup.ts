// Starts the production server once for the whole e2e run, the way a user would
// (`junction start`, which `npm start` runs, on 127.0.0.1, with the embedded PGlite database
// in a fresh data folder), and stops it afterwards. Set E2E_BASE_URL to test an already-running
// server instead (then E2E_DATA_DIR, if set, names that server's data folder).
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import type { TestProject } from "vitest/node";
import { unusedPort } from "../lib/http/test-server";

declare module "vitest" {
  export interface ProvidedContext {
    /** Base URL of the server under test, without a trailing slash. */
    baseUrl: string;
    /**
     * JUNCTION_DATA_DIR of the server under test ("" when unknown). The CLI cannot open the
     * embedded database while the server holds its lock file: get data through the server.
     */
    dataDir: string;
  }
}

const ROOT = process.cwd();
const READY_PATH = "/api/v1/openapi.json";
const READY_TIMEOUT_MS = 60_000;
const KILL_GRACE_MS = 5_000;
const OUTPUT_LIMIT = 64 * 1024;

/** Files under `dir` modified after `since` (ms since epoch), as paths relative to the repo. */
function filesNewerThan(dir: string, since: number, found: string[] = []): string[] {
  if (!existsSync(dir)) return found;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) filesNewerThan(path, since, found);
    else if (entry.isFile() && statSync(path).mtimeMs > since) found.push(relative(ROOT, path));
  }
  return found;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** Signals the server's whole process group (it was spawned detached, so it leads one). */
function signal(child: ChildProcess, sig: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, sig);
  } catch {
    try {
      child.kill(sig);
    } catch {
      // already gone
    }
  }
}

export default async function setup(project: TestProject) {
  const external = process.env.E2E_BASE_URL;
  if (external) {
    project.provide("baseUrl", external.replace(/\/+$/, ""));
    project.provide("dataDir", process.env.E2E_DATA_DIR ?? "");
    return;
  }

  const buildIdFile = join(ROOT, ".next", "BUILD_ID");
  if (!existsSync(buildIdFile)) {
    throw new Error("No production build (.next/BUILD_ID is missing): run `npm run build` first.");
  }
  const builtAt = statSync(buildIdFile).mtimeMs;
  const stale = ["app", "components", "lib"].flatMap((d) => filesNewerThan(join(ROOT, d), builtAt));
  if (stale.length > 0) {
    // A warning, not a failure: a build takes a minute and the change may not matter here.
    console.warn(
      `[e2e] warning: ${stale.length} file(s) changed after the last build, so they are not what is tested ` +
        `(run \`npm run build\` to include them): ${stale.slice(0, 5).join(", ")}${stale.length > 5 ? ", …" : ""}`,
    );
  }

  const dataDir = mkdtempSync(join(tmpdir(), "junction-e2e-"));
  const port = await unusedPort();
  const baseUrl = `http://127.0.0.1:${port}`;

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    JUNCTION_DATA_DIR: dataDir,
    PORT: String(port),
    HOST: "127.0.0.1",
    NODE_ENV: "production",
    // Browser tests run fake services on 127.0.0.1 (random ports) that the server must reach
    // through its outbound guard, which refuses loopback unless the operator allows it.
    JUNCTION_OUTBOUND_ALLOW: "127.0.0.1:*",
  };
  // Embedded mode with the local owner: no external database and no Supabase Auth, whatever
  // the developer's shell has set.
  for (const name of [
    "DATABASE_URL",
    "NEXT_PUBLIC_SUPABASE_URL",
    "NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY",
    "SUPABASE_SECRET_KEY",
  ]) {
    delete env[name];
  }

  let output = "";
  const capture = (chunk: Buffer) => {
    output += chunk.toString("utf8");
    if (output.length > OUTPUT_LIMIT) output = output.slice(-OUTPUT_LIMIT);
  };

  const child = spawn(
    process.execPath,
    ["bin/junction.mjs", "start", "--hostname", "127.0.0.1", "--port", String(port)],
    { cwd: ROOT, env, detached: true, stdio: ["ignore", "pipe", "pipe"] },
  );
  child.stdout?.on("data", capture);
  child.stderr?.on("data", capture);
  let exited: string | undefined;
  child.once("exit", (code, sig) => {
    exited = sig ? `signal ${sig}` : `exit code ${code}`;
  });

  let stopped = false;
  async function stop(): Promise<void> {
    if (stopped) return;
    stopped = true;
    if (exited === undefined) {
      signal(child, "SIGTERM");
      if (!(await waitForExit(child, KILL_GRACE_MS))) {
        signal(child, "SIGKILL");
        await waitForExit(child, 2_000);
      }
    }
    // Next may leave a worker in the group behind after the leader exits.
    signal(child, "SIGKILL");
    rmSync(dataDir, { recursive: true, force: true });
  }

  try {
    const deadline = Date.now() + READY_TIMEOUT_MS;
    let lastProblem = "no answer yet";
    for (;;) {
      if (exited !== undefined) throw new Error(`the server stopped (${exited}) before it was ready`);
      if (Date.now() > deadline) {
        throw new Error(`the server did not answer GET ${READY_PATH} with 200 within ${READY_TIMEOUT_MS / 1000} s (last: ${lastProblem})`);
      }
      try {
        const response = await fetch(baseUrl + READY_PATH, { signal: AbortSignal.timeout(5_000) });
        await response.arrayBuffer();
        if (response.status === 200) break;
        lastProblem = `HTTP ${response.status}`;
      } catch (error) {
        lastProblem = error instanceof Error ? error.message : String(error);
      }
      await sleep(250);
    }
  } catch (error) {
    await stop();
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`[e2e] could not start \`junction start\` on ${baseUrl}: ${message}\n--- server output ---\n${output || "(none)"}`);
  }

  project.provide("baseUrl", baseUrl);
  project.provide("dataDir", dataDir);

  return async () => {
    if (exited !== undefined) {
      console.error(`[e2e] the server stopped during the run (${exited}).\n--- server output ---\n${output}`);
    } else if (process.env.E2E_SERVER_LOG) {
      console.log(`--- server output ---\n${output}`);
    }
    await stop();
  };
}
