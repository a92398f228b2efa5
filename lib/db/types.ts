import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type { SQL } from "drizzle-orm";
import type * as schema from "./schema";

export type Schema = typeof schema;

/** The drizzle database, whichever driver is behind it (PGlite or postgres-js). */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

/** A transaction handle; inside a transaction always use it, never `db` (PGlite would hang). */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** Either of the two: code that runs a few statements accepts both. */
export type Queryable = Db | Tx;

export type Driver = "pglite" | "postgres";

export interface DatabaseHandle {
  db: Db;
  driver: Driver;
  /** Where the data lives, for messages: a folder, "memory" or the URL without its password. */
  location: string;
  close(): Promise<void>;
}

/** Rows of a raw `execute()`, whose result shape differs between the two drivers. */
export async function queryRows<T extends Record<string, unknown>>(q: Queryable, query: SQL): Promise<T[]> {
  const result = (await q.execute(query)) as unknown as T[] | { rows: T[] };
  return Array.isArray(result) ? result : result.rows;
}

interface PostgresJsClient {
  unsafe(text: string, params: unknown[], options: { prepare: boolean }): Promise<unknown[]>;
  options: { prepare: boolean };
}
interface PGliteClient {
  query(text: string, params: unknown[]): Promise<{ rows: unknown[] }>;
}

/**
 * Rows of one hand-written statement with `$1…$n` parameters, sent straight to the driver.
 * On a PostgreSQL server it is a named prepared statement (parsed and planned once per
 * connection) unless prepared statements are off (Supabase's transaction pooler). For the
 * few hot statements whose text never changes; everything else goes through drizzle.
 */
export async function preparedRows<T extends Record<string, unknown>>(db: Db, text: string, params: unknown[]): Promise<T[]> {
  const client = (db as unknown as { $client: PostgresJsClient | PGliteClient }).$client;
  if ("unsafe" in client) return (await client.unsafe(text, params, { prepare: client.options.prepare !== false })) as T[];
  return (await client.query(text, params)).rows as T[];
}
