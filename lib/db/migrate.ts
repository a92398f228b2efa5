import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import type { PostgresJsDatabase } from "drizzle-orm/postgres-js";
import { queryRows, type DatabaseHandle } from "./types";

export const MIGRATIONS_DIR = path.join(process.cwd(), "supabase", "migrations");
const COMPAT_SQL = path.join(process.cwd(), "lib", "db", "supabase-compat.sql");

// Any number from a fixed hash: two processes migrating at once wait for each other.
const MIGRATION_LOCK = 4_711_001;

export interface MigrateResult {
  applied: string[];
}

function journalTags(folder: string): string[] {
  const journal = JSON.parse(fs.readFileSync(path.join(folder, "meta", "_journal.json"), "utf8")) as {
    entries: { tag: string }[];
  };
  return journal.entries.map((e) => e.tag);
}

export async function appliedCount(handle: DatabaseHandle): Promise<number> {
  const exists = await queryRows<{ t: string | null }>(
    handle.db,
    sql`select to_regclass('drizzle.__drizzle_migrations')::text as t`,
  );
  if (!exists[0]?.t) return 0;
  const rows = await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
  return rows[0]?.n ?? 0;
}

/** Supabase already has the roles, the auth schema and auth.uid(); anything else gets the compatibility script. */
async function applyCompatibility(handle: DatabaseHandle): Promise<void> {
  const supabase = await queryRows<{ yes: boolean }>(
    handle.db,
    sql`select exists (select 1 from pg_roles where rolname = 'supabase_admin') as yes`,
  );
  if (supabase[0]?.yes) return;
  const script = fs.readFileSync(COMPAT_SQL, "utf8");
  // Statements are separated by blank-line-terminated `;` ends; the script has no semicolons
  // inside string literals other than in $$ bodies, which are kept whole.
  for (const statement of splitSqlScript(script)) {
    await handle.db.execute(sql.raw(statement));
  }
}

/** Splits a script on `;` at line ends, keeping dollar-quoted bodies whole and dropping comments. */
export function splitSqlScript(script: string): string[] {
  const statements: string[] = [];
  let current: string[] = [];
  let inDollar = false;
  for (const line of script.split("\n")) {
    if (!inDollar && (line.trim().startsWith("--") || line.trim() === "")) continue;
    current.push(line);
    const dollars = (line.match(/\$\$/g) ?? []).length;
    if (dollars % 2 === 1) inDollar = !inDollar;
    if (!inDollar && line.trimEnd().endsWith(";")) {
      statements.push(current.join("\n").trim().replace(/;$/, ""));
      current = [];
    }
  }
  if (current.join("").trim()) statements.push(current.join("\n").trim());
  return statements;
}

/**
 * Applies the compatibility script (outside Supabase) and every pending migration of
 * supabase/migrations in one transaction: a failing migration leaves the database as it
 * was, and running it again when nothing is pending is a no-op. On PostgreSQL the handle
 * must hold a single connection (the advisory lock is per session): see migrateTarget().
 */
export async function runMigrations(handle: DatabaseHandle, folder = MIGRATIONS_DIR): Promise<MigrateResult> {
  const tags = journalTags(folder);
  if (handle.driver === "postgres") {
    await handle.db.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK})`);
  }
  try {
    await applyCompatibility(handle);
    const before = await appliedCount(handle);
    if (handle.driver === "pglite") {
      await migratePglite(handle.db as unknown as PgliteDatabase, { migrationsFolder: folder });
    } else {
      await migratePostgres(handle.db as unknown as PostgresJsDatabase, { migrationsFolder: folder });
    }
    const after = await appliedCount(handle);
    return { applied: tags.slice(before, after) };
  } finally {
    if (handle.driver === "postgres") {
      await handle.db.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK})`);
    }
  }
}

/** How many migrations of the folder are not applied yet. */
export async function pendingMigrations(handle: DatabaseHandle, folder = MIGRATIONS_DIR): Promise<number> {
  return journalTags(folder).length - (await appliedCount(handle));
}
