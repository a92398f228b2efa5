import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { afterEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { closeDatabase } from "@/lib/db/client";
import { openDatabase } from "@/lib/db/open";
import { acquireDataDirLock } from "@/lib/db/pglite-lock";
import { authenticateApiKey } from "@/lib/db/queries/api-keys";
import { workspaces } from "@/lib/db/schema";
import { resetEnvCache } from "@/lib/env";
import { runCli } from "./main";

const ENV_KEYS = ["JUNCTION_DATA_DIR", "DATABASE_URL"] as const;

async function cli(argv: string[], env: Partial<Record<(typeof ENV_KEYS)[number], string>>) {
  const saved = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]));
  for (const k of ENV_KEYS) delete process.env[k];
  Object.assign(process.env, env);
  resetEnvCache();
  const out: string[] = [];
  const err: string[] = [];
  try {
    const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
    return { code, stdout: out.join("\n"), stderr: err.join("\n") };
  } finally {
    for (const k of ENV_KEYS) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
    resetEnvCache();
  }
}

const tempDataDir = () => fs.mkdtempSync(path.join(os.tmpdir(), "junction-cli-"));

afterEach(async () => {
  await closeDatabase();
});

describe("junction CLI on the embedded database", () => {
  it("api-key create prints the key alone on stdout, and the key works", async () => {
    const dir = tempDataDir();
    const result = await cli(["api-key", "create", "--name", "ci"], { JUNCTION_DATA_DIR: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^jct_[A-Za-z0-9_-]{43}$/);
    expect(result.stderr).toMatch(/shown only this once/);
    const handle = await openDatabase({ kind: "pglite", dataDir: dir });
    try {
      const auth = await authenticateApiKey(handle.db, result.stdout);
      expect(auth.ok).toBe(true);
    } finally {
      await handle.close();
    }
  });

  it("workspace create prints the id; api-key create then needs --workspace", async () => {
    const dir = tempDataDir();
    expect((await cli(["api-key", "create", "--name", "first"], { JUNCTION_DATA_DIR: dir })).code).toBe(0);
    const created = await cli(["workspace", "create", "--name", "Acme"], { JUNCTION_DATA_DIR: dir });
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/^[0-9a-f-]{36}$/);

    const ambiguous = await cli(["api-key", "create", "--name", "x"], { JUNCTION_DATA_DIR: dir });
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toContain("--workspace");
    expect(ambiguous.stderr).toContain(created.stdout);
    expect(ambiguous.stdout).toBe("");

    const byName = await cli(["api-key", "create", "--name", "x", "--workspace", "acme"], { JUNCTION_DATA_DIR: dir });
    expect(byName.code).toBe(0);
    const handle = await openDatabase({ kind: "pglite", dataDir: dir });
    try {
      const auth = await authenticateApiKey(handle.db, byName.stdout);
      expect(auth.ok && auth.principal.workspaceId).toBe(created.stdout);
      const [row] = await handle.db.select().from(workspaces).where(eq(workspaces.id, created.stdout));
      expect(row.name).toBe("Acme");
    } finally {
      await handle.close();
    }
  });

  it("migrate twice: the second run applies nothing", async () => {
    const dir = tempDataDir();
    const first = await cli(["migrate"], { JUNCTION_DATA_DIR: dir });
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/Applied \d+ migration/);
    const second = await cli(["migrate"], { JUNCTION_DATA_DIR: dir });
    expect(second.code).toBe(0);
    expect(second.stderr).toContain("up to date");
  });

  it("has --help for every command and refuses wrong usage with exit code 2", async () => {
    for (const name of [["migrate"], ["workspace", "create"], ["api-key", "create"], ["keys", "rotate"], ["check-env"], ["start"]]) {
      const help = await cli([...name, "--help"], {});
      expect(help.code).toBe(0);
      expect(help.stdout).toContain(`Usage: junction ${name.join(" ")}`);
    }
    const missing = await cli(["api-key", "create"], { JUNCTION_DATA_DIR: tempDataDir() });
    expect(missing).toMatchObject({ code: 2, stdout: "" });
    expect(missing.stderr).toContain("--name is required");
    const unknownOption = await cli(["migrate", "--force"], {});
    expect(unknownOption.code).toBe(2);
    expect(unknownOption.stderr).toMatch(/--force/);
    const badPort = await cli(["start", "--port", "eighty"], {});
    expect(badPort.code).toBe(2);
    expect(badPort.stderr).toContain('--port must be a port number (0–65535), not "eighty"');
    const unknown = await cli(["frobnicate"], {});
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "frobnicate"');
  });

  it("names a bad environment variable and does nothing", async () => {
    const result = await cli(["migrate"], { DATABASE_URL: "mysql://localhost/db" });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("DATABASE_URL");
  });

  it("keys rotate adds a key to the embedded key file and re-encrypts the stored secrets", async () => {
    const { loadKeyRing, encryptSecret, decryptSecret, needsRotation } = await import("@/lib/crypto");
    const { connections } = await import("@/lib/db/schema");
    const { resetKeyRing } = await import("@/lib/crypto/runtime");
    const dir = tempDataDir();
    expect((await cli(["api-key", "create", "--name", "seed"], { JUNCTION_DATA_DIR: dir })).code).toBe(0);
    const firstRing = await loadKeyRing({ dataDir: dir });
    const handle = await openDatabase({ kind: "pglite", dataDir: dir });
    const [ws] = await handle.db.select().from(workspaces);
    const id = randomUUID();
    const aad = { table: "connections", rowId: id, workspaceId: ws.id };
    await handle.db.insert(connections).values({
      id,
      workspaceId: ws.id,
      connector: "stripe",
      name: "Live",
      credentialsEnc: encryptSecret(firstRing, { api_key: "sk_live_rotate_me" }, aad),
    });
    await handle.close();

    resetKeyRing();
    const result = await cli(["keys", "rotate"], { JUNCTION_DATA_DIR: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("1");
    const secondRing = await loadKeyRing({ dataDir: dir });
    expect(secondRing.keys.size).toBe(2);
    expect(secondRing.active.id).not.toBe(firstRing.active.id);
    const reopened = await openDatabase({ kind: "pglite", dataDir: dir });
    try {
      const [row] = await reopened.db.select().from(connections).where(eq(connections.id, id));
      expect(needsRotation(secondRing, row.credentialsEnc!)).toBe(false);
      expect(JSON.parse(decryptSecret(secondRing, row.credentialsEnc!, aad))).toEqual({ api_key: "sk_live_rotate_me" });
    } finally {
      await reopened.close();
    }
  });

  it("says clearly that the folder is locked when the server has it", () => {
    const dir = tempDataDir();
    const release = acquireDataDirLock(dir);
    try {
      const result = spawnSync(process.execPath, [path.join(process.cwd(), "bin", "junction.mjs"), "migrate"], {
        env: { ...process.env, JUNCTION_DATA_DIR: dir, DATABASE_URL: "" },
        encoding: "utf8",
        timeout: 60_000,
      });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(`in use by another Junction process (pid ${process.pid})`);
    } finally {
      release();
    }
  });
});

describe.runIf(Boolean(process.env.TEST_DATABASE_URL))("junction CLI on a PostgreSQL server", () => {
  it("refuses to work on an unmigrated database, then migrates it", async () => {
    const admin = postgres(process.env.TEST_DATABASE_URL!, { max: 1, onnotice: () => {} });
    const name = `junction_cli_${randomUUID().replaceAll("-", "")}`;
    await admin.unsafe(`create database ${name}`);
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${name}`;
    try {
      const early = await cli(["api-key", "create", "--name", "x"], { DATABASE_URL: url.toString() });
      expect(early.code).toBe(1);
      expect(early.stderr).toContain("junction migrate");
      expect((await cli(["migrate"], { DATABASE_URL: url.toString() })).code).toBe(0);
      expect((await cli(["migrate"], { DATABASE_URL: url.toString() })).stderr).toContain("up to date");
      const ws = await cli(["workspace", "create", "--name", "Server"], { DATABASE_URL: url.toString() });
      expect(ws.code).toBe(0);
      const key = await cli(["api-key", "create", "--name", "x", "--workspace", ws.stdout], {
        DATABASE_URL: url.toString(),
      });
      expect(key.stdout).toMatch(/^jct_/);
    } finally {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
});
