import { sql } from "drizzle-orm";
import { queryRows, type Queryable } from "../types";

// auth.users belongs to Supabase Auth; outside Supabase the compatibility script creates a
// small table of the same name, and these helpers fill it for the local owner and the CLI.

export const LOCAL_OWNER_ID = "00000000-0000-4000-8000-000000000001";
export const LOCAL_OWNER_EMAIL = "owner@localhost";

export async function ensureAuthUser(q: Queryable, user: { id: string; email: string | null }): Promise<void> {
  await q.execute(sql`insert into auth.users (id, email) values (${user.id}, ${user.email}) on conflict (id) do nothing`);
}

export async function findUserByEmail(q: Queryable, email: string): Promise<{ id: string; email: string } | null> {
  const rows = await queryRows<{ id: string; email: string }>(
    q,
    sql`select id::text as id, email from auth.users where lower(email) = lower(${email}) limit 1`,
  );
  return rows[0] ?? null;
}
