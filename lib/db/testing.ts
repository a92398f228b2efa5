import { randomUUID } from "node:crypto";
import postgres from "postgres";
import { installDatabase } from "./client";
import { runMigrations } from "./migrate";
import { openDatabase } from "./open";
import type { DatabaseHandle } from "./types";

// Integration tests run on a fresh, migrated database: in-memory PGlite by default, or a
// new database on the PostgreSQL server named by TEST_DATABASE_URL (CI sets it), dropped
// again when the test file closes it.

const SETUP_LOCK = 4_711_002;

export function testingOnServer(): boolean {
  return Boolean(process.env.TEST_DATABASE_URL);
}

export async function createTestDatabase(): Promise<DatabaseHandle & { url?: string }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const handle = await openDatabase({ kind: "pglite", dataDir: null });
    await runMigrations(handle);
    return handle;
  }

  const created = await createServerDatabase(serverUrl, { prefix: "junction_test", max: 5 });
  return {
    ...created.handle,
    /** For tests that start another process on the same database. */
    url: created.url,
    async close() {
      await created.handle.close();
      await created.drop();
    },
  };
}

/**
 * A new, migrated database `<prefix>_<random>` on a PostgreSQL server, opened with a pool of
 * `max`; `drop()` removes it. Used by tests and benchmarks.
 */
export async function createServerDatabase(
  serverUrl: string,
  options: { prefix: string; max: number },
): Promise<{ handle: DatabaseHandle; url: string; name: string; drop(): Promise<void> }> {
  const name = `${options.prefix}_${randomUUID().replaceAll("-", "")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  try {
    // Test files run in parallel; roles are cluster-wide, so set-up is serialised.
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
  const drop = async () => {
    const cleanup = postgres(serverUrl, { max: 1, onnotice: () => {} });
    try {
      await cleanup.unsafe(`drop database if exists ${name} with (force)`);
    } finally {
      await cleanup.end();
    }
  };
  const handle = await openDatabase({ kind: "postgres", url: url.toString(), max: options.max });
  return { handle, url: url.toString(), name, drop };
}

/** A fresh database installed as the process's database for the duration of a test file. */
export async function openTestDatabase(): Promise<DatabaseHandle> {
  const handle = await createTestDatabase();
  installDatabase(handle);
  return handle;
}
