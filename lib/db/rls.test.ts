import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { ensureAuthUser } from "./queries/users";
import { createWorkspace } from "./queries/workspaces";
import { flows, workspaceMembers } from "./schema";
import { withUser } from "./scope";
import { seedOneOfEverything } from "./seed-rows";
import { openTestDatabase } from "./testing";
import { queryRows, type DatabaseHandle } from "./types";

let handle: DatabaseHandle;

/** Drizzle wraps the driver's error; the database's own message is on `cause`. */
async function expectDenied(work: Promise<unknown>): Promise<void> {
  const error = await work.then(
    () => null,
    (e: unknown) => e as Error & { cause?: Error },
  );
  expect(error, "the write was refused").not.toBeNull();
  expect(error?.cause?.message ?? error?.message).toMatch(/row-level security/);
}
const alice = { id: randomUUID(), email: "alice@example.com" };
const bob = { id: randomUUID(), email: "bob@example.com" };
const vera = { id: randomUUID(), email: "vera@example.com" };
let workspaceA: string;
let workspaceB: string;
let flowB: string;

async function publicTables(): Promise<{ name: string; rls: boolean; hasWorkspaceId: boolean }[]> {
  return queryRows(
    handle.db,
    sql`select c.relname as name, c.relrowsecurity as rls,
               exists (select 1 from information_schema.columns col
                        where col.table_schema = 'public' and col.table_name = c.relname
                          and col.column_name = 'workspace_id') as "hasWorkspaceId"
          from pg_class c join pg_namespace n on n.oid = c.relnamespace
         where n.nspname = 'public' and c.relkind in ('r', 'p')
         order by c.relname`,
  );
}

beforeAll(async () => {
  handle = await openTestDatabase();
  for (const u of [alice, bob, vera]) await ensureAuthUser(handle.db, u);
  workspaceA = (await createWorkspace(handle.db, { name: "A", ownerId: alice.id })).id;
  workspaceB = (await createWorkspace(handle.db, { name: "B", ownerId: bob.id })).id;
  await handle.db.insert(workspaceMembers).values({ workspaceId: workspaceA, userId: vera.id, role: "viewer" });
  await seedOneOfEverything(handle.db, workspaceA);
  flowB = (await seedOneOfEverything(handle.db, workspaceB)).flowId;
});

afterAll(async () => {
  await handle.close();
});

describe("row-level security", () => {
  it("checks membership once per statement, not once per row: every policy tests the row's workspace against the user's set", async () => {
    const policies = await queryRows<{ name: string; qual: string | null; with_check: string | null }>(
      handle.db,
      sql`select tablename || '.' || policyname as name, qual, with_check from pg_policies where schemaname = 'public'`,
    );
    expect(policies.length).toBeGreaterThan(60);
    const perRow = policies.filter((p) =>
      [p.qual, p.with_check].some((e) => e !== null && !/^\(*\w+ IN \( SELECT junction\.workspaces_with_role\('\w+'::text\)/.test(e)),
    );
    expect(perRow.map((p) => `${p.name}: ${p.qual ?? p.with_check}`)).toEqual([]);
  });

  it("is enabled on every table of the public schema", async () => {
    const tables = await publicTables();
    expect(tables.length).toBeGreaterThanOrEqual(16);
    expect(tables.filter((t) => !t.rls).map((t) => t.name)).toEqual([]);
  });

  it("every table but workspaces carries workspace_id", async () => {
    const missing = (await publicTables()).filter((t) => !t.hasWorkspaceId).map((t) => t.name);
    expect(missing).toEqual(["workspaces"]);
  });

  it("a member of A reads none of B's rows in any table, though B has rows in each", async () => {
    for (const table of await publicTables()) {
      const column = table.hasWorkspaceId ? "workspace_id" : "id";
      const systemCount = await queryRows<{ n: number }>(
        handle.db,
        sql`select count(*)::int as n from ${sql.identifier(table.name)} where ${sql.identifier(column)} = ${workspaceB}`,
      );
      expect(systemCount[0].n, `${table.name} has a row in B`).toBeGreaterThan(0);
      const seenByAlice = await withUser({ userId: alice.id }, (tx) =>
        queryRows<{ n: number }>(
          tx,
          sql`select count(*)::int as n from ${sql.identifier(table.name)} where ${sql.identifier(column)} = ${workspaceB}`,
        ),
      );
      expect(seenByAlice[0].n, `alice sees B's ${table.name}`).toBe(0);
    }
  });

  it("a member of A sees A's rows (the policies are not simply closed)", async () => {
    const rows = await withUser({ userId: alice.id }, (tx) => tx.select().from(flows));
    expect(rows.map((r) => r.workspaceId)).toEqual([workspaceA]);
  });

  it("a member of A cannot insert into B", async () => {
    await expectDenied(
      withUser({ userId: alice.id }, (tx) =>
        tx.insert(flows).values({ workspaceId: workspaceB, name: "intruder", triggerType: "manual", trigger: {} }),
      ),
    );
    const names = await handle.db.select({ name: flows.name }).from(flows).where(eq(flows.workspaceId, workspaceB));
    expect(names.map((n) => n.name)).toEqual(["Seeded flow"]);
  });

  it("a member of A cannot update or delete B's rows", async () => {
    const updated = await withUser({ userId: alice.id }, (tx) =>
      tx.update(flows).set({ name: "hijacked" }).where(eq(flows.id, flowB)).returning(),
    );
    const deleted = await withUser({ userId: alice.id }, (tx) => tx.delete(flows).where(eq(flows.id, flowB)).returning());
    expect(updated).toEqual([]);
    expect(deleted).toEqual([]);
    const [row] = await handle.db.select().from(flows).where(eq(flows.id, flowB));
    expect(row.name).toBe("Seeded flow");
  });

  it("a member of A cannot move A's row into B", async () => {
    await expectDenied(
      withUser({ userId: alice.id }, (tx) =>
        tx.update(flows).set({ workspaceId: workspaceB }).where(eq(flows.workspaceId, workspaceA)),
      ),
    );
  });

  it("a member cannot add themselves to another workspace", async () => {
    await expectDenied(
      withUser({ userId: alice.id }, (tx) =>
        tx.insert(workspaceMembers).values({ workspaceId: workspaceB, userId: alice.id, role: "owner" }),
      ),
    );
  });

  it("a viewer reads but cannot write", async () => {
    const rows = await withUser({ userId: vera.id }, (tx) => tx.select().from(flows));
    expect(rows).toHaveLength(1);
    await expectDenied(
      withUser({ userId: vera.id }, (tx) =>
        tx.insert(flows).values({ workspaceId: workspaceA, name: "nope", triggerType: "manual", trigger: {} }),
      ),
    );
    const updated = await withUser({ userId: vera.id }, (tx) =>
      tx.update(flows).set({ name: "renamed" }).where(eq(flows.workspaceId, workspaceA)).returning(),
    );
    expect(updated).toEqual([]);
  });

  it("a request with no user sees nothing", async () => {
    const rows = await handle.db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('role', 'authenticated', true)`);
      return tx.select().from(flows);
    });
    expect(rows).toEqual([]);
  });
});

describe("member emails", () => {
  it("a member sees the emails of their workspace's members, not another workspace's", async () => {
    const { listMembers } = await import("./queries/workspaces");
    const own = await withUser({ userId: alice.id }, (tx) => listMembers(tx, workspaceA));
    expect(own.map((m) => m.email).sort()).toEqual(["alice@example.com", "vera@example.com"]);
    const foreign = await withUser({ userId: alice.id }, (tx) => listMembers(tx, workspaceB));
    expect(foreign).toEqual([]);
    const direct = await withUser({ userId: alice.id }, (tx) =>
      queryRows<{ email: string }>(tx, sql`select email from junction.workspace_member_emails(${workspaceB}::uuid)`),
    );
    expect(direct).toEqual([]);
  });
});
