import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema";
import { acquireDataDirLock } from "./pglite-lock";
import type { DatabaseHandle, Db } from "./types";

export type DatabaseTarget =
  | { kind: "pglite"; dataDir: string | null } // null: in memory (tests)
  | { kind: "postgres"; url: string; max?: number };

/** Supabase's transaction pooler (port 6543, or a *.pooler.supabase.com host) cannot keep prepared statements. */
export function needsUnpreparedStatements(url: string): boolean {
  const u = new URL(url);
  return u.port === "6543" || u.hostname.endsWith(".pooler.supabase.com") || u.searchParams.get("pgbouncer") === "true";
}

export function redactUrl(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = "***";
  return u.toString();
}

/** Opens (but does not migrate) a database. PGlite folders are locked to this process. */
export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  if (target.kind === "pglite") {
    const dataDir = target.dataDir ? path.resolve(target.dataDir, "pgdata") : null;
    const release = target.dataDir ? acquireDataDirLock(path.resolve(target.dataDir)) : () => {};
    try {
      const client = dataDir ? new PGlite(dataDir) : new PGlite();
      await client.waitReady;
      const db = drizzlePglite({ client, schema }) as unknown as Db;
      return {
        db,
        driver: "pglite",
        location: dataDir ?? "memory",
        async close() {
          try {
            await client.close();
          } finally {
            release();
          }
        },
      };
    } catch (error) {
      release();
      throw error;
    }
  }

  const client = postgres(target.url, {
    max: target.max ?? 10,
    prepare: !needsUnpreparedStatements(target.url),
    onnotice: () => {},
    connection: { application_name: "junction" },
  });
  const db = drizzlePostgres({ client, schema }) as unknown as Db;
  return {
    db,
    driver: "postgres",
    location: redactUrl(target.url),
    async close() {
      await client.end({ timeout: 5 });
    },
  };
}
