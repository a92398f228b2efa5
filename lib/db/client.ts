import { loadEnv, type Env } from "@/lib/env";
import { openDatabase, type DatabaseTarget } from "./open";
import { pendingMigrations, runMigrations, type MigrateResult } from "./migrate";
import type { DatabaseHandle, Db } from "./types";

// The one cached database handle of the process. The *promise* is cached on globalThis
// (module state does not survive Next's dev reloads) and cleared on failure, so a failed
// open is retried by the next caller instead of failing forever.

const GLOBAL_KEY = Symbol.for("junction.database");
type Holder = { [GLOBAL_KEY]?: Promise<DatabaseHandle> };
const holder = globalThis as unknown as Holder;

export function databaseTarget(env: Env = loadEnv()): DatabaseTarget {
  return env.DATABASE_URL
    ? { kind: "postgres", url: env.DATABASE_URL }
    : { kind: "pglite", dataDir: env.JUNCTION_DATA_DIR };
}

/** Migrates a target: PostgreSQL through its own single connection, PGlite on the given handle. */
export async function migrateTarget(target: DatabaseTarget, pgliteHandle?: DatabaseHandle): Promise<MigrateResult> {
  if (target.kind === "pglite") {
    const handle = pgliteHandle ?? (await openDatabase(target));
    try {
      return await runMigrations(handle);
    } finally {
      if (!pgliteHandle) await handle.close();
    }
  }
  const single = await openDatabase({ ...target, max: 1 });
  try {
    return await runMigrations(single);
  } finally {
    await single.close();
  }
}

export class NotMigratedError extends Error {
  constructor(pending: number, location: string) {
    super(
      `The database at ${location} has ${pending} migration(s) not applied. Run \`npx junction migrate\` first.`,
    );
    this.name = "NotMigratedError";
  }
}

/**
 * Opens the database the environment names. The embedded PGlite database is created and
 * migrated on first open; a PostgreSQL database must have been migrated by `junction migrate`.
 */
export async function connect(target: DatabaseTarget = databaseTarget()): Promise<DatabaseHandle> {
  const handle = await openDatabase(target);
  try {
    if (target.kind === "pglite") {
      await runMigrations(handle);
    } else {
      const pending = await pendingMigrations(handle);
      if (pending > 0) throw new NotMigratedError(pending, handle.location);
    }
    return handle;
  } catch (error) {
    await handle.close().catch(() => {});
    throw error;
  }
}

export function getDatabase(): Promise<DatabaseHandle> {
  let promise = holder[GLOBAL_KEY];
  if (!promise) {
    promise = connect();
    holder[GLOBAL_KEY] = promise;
    promise.catch(() => {
      if (holder[GLOBAL_KEY] === promise) delete holder[GLOBAL_KEY];
    });
  }
  return promise;
}

export async function getDb(): Promise<Db> {
  return (await getDatabase()).db;
}

/** Installs an already open handle as the process's database (tests, the CLI). */
export function installDatabase(handle: DatabaseHandle): void {
  holder[GLOBAL_KEY] = Promise.resolve(handle);
}

export async function closeDatabase(): Promise<void> {
  const promise = holder[GLOBAL_KEY];
  delete holder[GLOBAL_KEY];
  if (promise) await (await promise).close();
}
