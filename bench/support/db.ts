// Bench support: a fresh, migrated database on the PostgreSQL server (BENCH_DATABASE_URL),
// installed as the process's database, with a workspace and its owner; dropped on close.
// The create/migrate steps are those of lib/db/testing.ts, with a pool size of our choosing.
import { randomBytes, randomUUID } from "node:crypto";
import postgres from "postgres";
import type { Actor } from "../../lib/auth/types";
import { resetKeyRing } from "../../lib/crypto/runtime";
import { closeDatabase, installDatabase } from "../../lib/db/client";
import { runMigrations } from "../../lib/db/migrate";
import { openDatabase } from "../../lib/db/open";
import { ensureAuthUser } from "../../lib/db/queries/users";
import { createWorkspace } from "../../lib/db/queries/workspaces";
import type { DatabaseHandle } from "../../lib/db/types";
import { resetEnvCache } from "../../lib/env";

export const DEFAULT_BENCH_DATABASE_URL = "postgres://postgres:postgres@127.0.0.1:5432/postgres";
// The same lock as lib/db/testing.ts: roles are cluster-wide, so set-up is serialised with tests.
const SETUP_LOCK = 4_711_002;

export function benchServerUrl(): string {
  return process.env.BENCH_DATABASE_URL || DEFAULT_BENCH_DATABASE_URL;
}

export interface BenchDatabase {
  handle: DatabaseHandle;
  name: string;
  /** A second pool on the same database, for the raw-insert baseline and checks. */
  url: string;
  actor: Actor;
  close(): Promise<void>;
}

/** Creates `junction_bench_<random>`, migrates it, opens it with a pool of `max`, installs it. */
export async function createBenchDatabase(options: { max: number }): Promise<BenchDatabase> {
  const serverUrl = benchServerUrl();
  const name = `junction_bench_${randomUUID().replaceAll("-", "")}`;
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await admin`select pg_advisory_lock(${SETUP_LOCK})`;
    await admin.unsafe(`create database ${name}`);
    const single = await openDatabase({ kind: "postgres", url: url.toString(), max: 1 });
    try {
      await runMigrations(single);
    } finally {
      await single.close();
    }
  } finally {
    await admin`select pg_advisory_unlock(${SETUP_LOCK})`.catch(() => {});
    await admin.end();
  }

  const handle = await openDatabase({ kind: "postgres", url: url.toString(), max: options.max });
  installDatabase(handle);
  const drop = async () => {
    const cleanup = postgres(serverUrl, { max: 1, onnotice: () => {} });
    try {
      await cleanup.unsafe(`drop database if exists ${name} with (force)`);
    } finally {
      await cleanup.end();
    }
  };
  try {
    const user = { id: randomUUID(), email: "bench@example.com" };
    await ensureAuthUser(handle.db, user);
    const workspace = await createWorkspace(handle.db, { name: "Bench", ownerId: user.id });
    const actor: Actor = { workspaceId: workspace.id, userId: user.id, email: user.email, role: "owner" };
    return {
      handle,
      name,
      url: url.toString(),
      actor,
      async close() {
        await closeDatabase().catch(() => {});
        await drop();
      },
    };
  } catch (error) {
    await closeDatabase().catch(() => {});
    await drop().catch(() => {});
    throw error;
  }
}

/** Lets the guarded client reach loopback ports, and gives the process an encryption key. */
export function configureRuntime(allow: string[]): void {
  process.env.JUNCTION_OUTBOUND_ALLOW = allow.join(",");
  process.env.JUNCTION_ENCRYPTION_KEYS ??= `bench:${randomBytes(32).toString("base64")}`;
  resetEnvCache();
  resetKeyRing();
}
