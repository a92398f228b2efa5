import { sql } from "drizzle-orm";
import { getDb } from "./client";
import type { Db, Tx } from "./types";

export interface UserClaims {
  userId: string;
  email?: string | null;
}

/**
 * Runs `fn` in a transaction as the Postgres role `authenticated` with the user's JWT
 * claims set, so row-level security decides what the user may read and write — the app's
 * own filters are a second line, not the only one.
 */
export async function withUser<T>(claims: UserClaims, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const db = await getDb();
  const jwt = JSON.stringify({ sub: claims.userId, role: "authenticated", email: claims.email ?? undefined });
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`select set_config('request.jwt.claims', ${jwt}, true), set_config('role', 'authenticated', true)`,
    );
    return fn(tx);
  });
}

/**
 * For server-side system work that is not a user's request (the engine, ingest, the tick,
 * the CLI, resolving an API key): connects as the table owner, so RLS does not apply and
 * the caller must scope every query by workspace itself.
 */
export async function asSystem<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  return fn(await getDb());
}
