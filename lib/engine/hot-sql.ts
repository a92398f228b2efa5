import type { Queryable } from "@/lib/db/types";

// The engine's hot statements (claim, lease + step rows, finish) go straight to the driver
// with fixed SQL text and numbered parameters, instead of through drizzle's query builder:
//  - on postgres-js they are prepared (parsed and planned once per connection, one round trip
//    per execution) unless the pool was opened without prepared statements (Supabase's
//    transaction pooler, see needsUnpreparedStatements), whose choice is kept;
//  - no query building per call (drizzle's builder was about 0.1 ms of CPU per statement).
// Parameters are strings, numbers, booleans or null (JSON goes as text and is cast in SQL),
// so both drivers serialize them alike. Rows come back as the driver parses them: map
// timestamps and jsonb with the table's own column mappers (see rowMapper in queue.ts).

type PostgresJsClient = {
  unsafe(text: string, params: unknown[], options: { prepare: boolean }): Promise<Record<string, unknown>[]>;
  options: { prepare?: boolean };
};
type PgliteClient = { query(text: string, params: unknown[]): Promise<{ rows: Record<string, unknown>[] }> };
type Client = PostgresJsClient | PgliteClient;

export type HotParam = string | number | boolean | null;

function clientOf(q: Queryable): Client {
  // A database handle has $client; a transaction's session holds its own client.
  const holder = q as unknown as { $client?: Client; session?: { client?: Client } };
  const client = holder.$client ?? holder.session?.client;
  if (!client) throw new Error("The engine needs a postgres-js or PGlite drizzle handle.");
  return client;
}

/** Runs one statement and returns its rows; `prepare: false` plans it for its values every time. */
export async function hotQuery<T extends Record<string, unknown>>(
  q: Queryable,
  text: string,
  params: HotParam[],
  options: { prepare?: boolean } = {},
): Promise<T[]> {
  const client = clientOf(q);
  if ("unsafe" in client) {
    const prepare = client.options.prepare !== false && options.prepare !== false;
    return (await client.unsafe(text, params, { prepare })) as T[];
  }
  return (await client.query(text, params)).rows as T[];
}
