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

  const name = `junction_test_${randomUUID().replaceAll("-", "")}`;
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

  const handle = await openDatabase({ kind: "postgres", url: url.toString(), max: 5 });
  return {
    ...handle,
    /** For tests that start another process on the same database. */
    url: url.toString(),
    async close() {
      await handle.close();
      const cleanup = postgres(serverUrl, { max: 1, onnotice: () => {} });
      try {
        await cleanup.unsafe(`drop database if exists ${name} with (force)`);
      } finally {
        await cleanup.end();
      }
    },
  };
}

/** A fresh database installed as the process's database for the duration of a test file. */
export async function openTestDatabase(): Promise<DatabaseHandle> {
  const handle = await createTestDatabase();
  installDatabase(handle);
  return handle;
}
