// Test helper (not used by the app): a worker run as its own Node process by
// lib/engine/crash.test.ts, so that the test can kill a real process mid-run and let several
// processes claim from one queue. It connects to the PostgreSQL database named by
// DATABASE_URL (already migrated by the test), then runs drainQueue — the loop that
// `junction worker` and the tick use — with the default lease, and reports on stdout, one
// JSON object a line:
//   {"event":"ready","pid":…,"owner":"…"}   connected; draining starts now (or on "go")
//   {"event":"done","report":{…}}            the queue is empty; the process exits 0
//
// Environment: DATABASE_URL (required), JUNCTION_OUTBOUND_ALLOW and JUNCTION_ENCRYPTION_KEYS
// (as in the test process), CRASH_WORKER_WAIT_FOR_GO=1 to wait for a line "go" on stdin
// before draining (so that two workers start at the same moment), CRASH_WORKER_CONCURRENCY
// (default 4), CRASH_WORKER_MAX_MS (default 60 s: the process ends itself after that, so a
// test that goes wrong cannot leave it running). It also ends when its stdin closes, which
// happens when the test process goes away.

import { installDatabase, connect } from "@/lib/db/client";
import { drainQueue } from "../drain";

const MAX_MS = Number(process.env.CRASH_WORKER_MAX_MS ?? 60_000);

function say(message: Record<string, unknown>): Promise<void> {
  return new Promise((resolve) => process.stdout.write(`${JSON.stringify(message)}\n`, () => resolve()));
}

function fail(message: string, code: number): never {
  process.stderr.write(`[crash-worker] ${message}\n`);
  process.exit(code);
}

async function waitForGo(): Promise<void> {
  let buffered = "";
  await new Promise<void>((resolve) => {
    const onData = (chunk: Buffer) => {
      buffered += chunk.toString("utf8");
      if (buffered.split("\n").some((line) => line.trim() === "go")) {
        process.stdin.off("data", onData);
        resolve();
      }
    };
    process.stdin.on("data", onData);
  });
}

async function main(): Promise<void> {
  setTimeout(() => fail(`still running after ${MAX_MS} ms; giving up`, 3), MAX_MS).unref();
  // The test process holds the other end of stdin: when it goes, so does this worker.
  process.stdin.on("end", () => fail("stdin closed (the test process is gone)", 4));
  process.stdin.resume();

  const url = process.env.DATABASE_URL;
  if (!url) fail("DATABASE_URL is not set", 2);
  const concurrency = Number(process.env.CRASH_WORKER_CONCURRENCY ?? 4);
  const handle = await connect({ kind: "postgres", url, max: concurrency + 2 });
  installDatabase(handle);
  const owner = `crash-worker:${process.pid}`;

  await say({ event: "ready", pid: process.pid, owner });
  if (process.env.CRASH_WORKER_WAIT_FOR_GO === "1") await waitForGo();

  const report = await drainQueue(handle.db, { owner, concurrency });
  await handle.close();
  await say({ event: "done", report });
  process.exit(0);
}

main().catch((error: unknown) => fail(error instanceof Error ? (error.stack ?? error.message) : String(error), 1));
