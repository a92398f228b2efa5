// `junction start`, the server `npm start` runs, as a process: a port already in use stops it
// at once with a message, and SIGTERM stops it cleanly (its embedded database released, so the
// next start on the same folder works).
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { unusedPort } from "@/lib/http/test-server";

const dataDir = mkdtempSync(join(tmpdir(), "junction-start-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Starts the server; resolves with its exit code and output once it exits (60 s at most). */
function start(port: number, onReady?: (stop: (signal: NodeJS.Signals) => void) => void) {
  // Embedded mode with the local owner, whatever the developer's shell has set.
  const env: NodeJS.ProcessEnv = { ...process.env, JUNCTION_DATA_DIR: dataDir, NODE_ENV: "production" };
  for (const name of ["DATABASE_URL", "NEXT_PUBLIC_SUPABASE_URL", "NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY", "SUPABASE_SECRET_KEY"]) delete env[name];
  const child = spawn(process.execPath, ["bin/junction.mjs", "start", "--hostname", "127.0.0.1", "--port", String(port)], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const read = (chunk: Buffer) => {
    output += chunk.toString("utf8");
    if (onReady && output.includes("Junction is ready on")) {
      const ready = onReady;
      onReady = undefined;
      ready((signal) => child.kill(signal));
    }
  };
  child.stdout.on("data", read);
  child.stderr.on("data", read);
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe("junction start", () => {
  it("stops at once with exit code 1 and a message when its port is taken", async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", () => resolve()));
    const port = (taken.address() as { port: number }).port;
    try {
      const result = await start(port);
      expect(result.code).toBe(1);
      expect(result.output).toContain("junction start: could not start: listen EADDRINUSE");
    } finally {
      taken.close();
    }
  });

  it("serves, stops cleanly on SIGTERM, and starts again on the same data folder", async () => {
    for (let round = 1; round <= 2; round++) {
      const port = await unusedPort();
      let answered = 0;
      const result = await start(port, (stop) => {
        void (async () => {
          answered = (await fetch(`http://127.0.0.1:${port}/api/v1/openapi.json`)).status;
          stop("SIGTERM");
        })();
      });
      expect(answered, `round ${round}`).toBe(200);
      expect(result.code, result.output).toBe(0);
      expect(result.output).toContain("SIGTERM: stopping…");
      expect(result.output).toContain("Stopped.");
    }
  });
});
