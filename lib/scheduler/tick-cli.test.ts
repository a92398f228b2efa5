import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { closeDatabase, connect, installDatabase } from "@/lib/db/client";
import { resetEnvCache } from "@/lib/env";
import { runCli } from "@/cli/main";
import { executionsOf, scheduleFlow, schedulerWorkspace } from "./testing";

// `junction tick` and `junction worker` against a temporary embedded database, in-process.

const saved = { dir: process.env.JUNCTION_DATA_DIR, url: process.env.DATABASE_URL };

async function cli(argv: string[], dir: string) {
  delete process.env.DATABASE_URL;
  process.env.JUNCTION_DATA_DIR = dir;
  resetEnvCache();
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, stdout: out.join("\n"), stderr: err.join("\n") };
}

afterEach(async () => {
  await closeDatabase();
  if (saved.dir === undefined) delete process.env.JUNCTION_DATA_DIR;
  else process.env.JUNCTION_DATA_DIR = saved.dir;
  if (saved.url !== undefined) process.env.DATABASE_URL = saved.url;
  resetEnvCache();
});

async function seedDueFlow(dir: string): Promise<string> {
  const handle = await connect({ kind: "pglite", dataDir: dir });
  installDatabase(handle);
  const actor = await schedulerWorkspace(handle.db);
  const flowId = await scheduleFlow(handle.db, actor, { cron: "* * * * *", nextRunAt: new Date(Date.now() - 180_000) });
  await closeDatabase();
  return flowId;
}

async function countRuns(dir: string, flowId: string) {
  const handle = await connect({ kind: "pglite", dataDir: dir });
  try {
    return (await executionsOf(handle.db, flowId)).map((r) => r.status);
  } finally {
    await handle.close();
  }
}

describe("junction tick / worker", () => {
  it("tick runs one tick and prints the counts", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "junction-tick-"));
    const flowId = await seedDueFlow(dir);
    const result = await cli(["tick"], dir);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^scheduled 1, re-queued 0, retries due 0, ran 1 \(succeeded 1\); purged .* in \d+ ms$/);
    expect(await countRuns(dir, flowId)).toEqual(["succeeded"]);

    const json = await cli(["tick", "--json"], dir);
    expect(JSON.parse(json.stdout)).toMatchObject({ scheduled: 0, ran: 0 });
  }, 60_000);

  it("worker --max-ticks runs the loop and stops; bad options are usage errors", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "junction-worker-"));
    const flowId = await seedDueFlow(dir);
    const result = await cli(["worker", "--interval", "0.05", "--max-ticks", "2"], dir);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("Worker stopped after 2 tick(s).");
    expect(await countRuns(dir, flowId)).toEqual(["succeeded"]);
    expect((await cli(["worker", "--interval", "soon"], dir)).code).toBe(2);
  }, 60_000);
});
