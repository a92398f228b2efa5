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
