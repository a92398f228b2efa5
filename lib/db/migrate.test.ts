import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { MIGRATIONS_DIR, pendingMigrations, runMigrations, splitSqlScript } from "./migrate";
import { createTestDatabase } from "./testing";
import { queryRows, type DatabaseHandle } from "./types";

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(async () => {
  await handle.close();
});

describe("migrations", () => {
  it("leave nothing pending, and a second run applies nothing", async () => {
    expect(await pendingMigrations(handle)).toBe(0);
    const again = await runMigrations(handle);
    expect(again.applied).toEqual([]);
  });

  it("are Supabase-named files listed in the journal", () => {
    const files = fs.readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith(".sql"));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(f).toMatch(/^\d{14}_[a-z0-9_]+\.sql$/);
    const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_DIR, "meta", "_journal.json"), "utf8"));
    expect(journal.entries.map((e: { tag: string }) => `${e.tag}.sql`).sort()).toEqual(files.sort());
  });

  it("a failing migration leaves the database as it was", async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "junction-migrations-"));
    fs.cpSync(MIGRATIONS_DIR, folder, { recursive: true });
    const journalPath = path.join(folder, "meta", "_journal.json");
    const journal = JSON.parse(fs.readFileSync(journalPath, "utf8"));
    const tag = "29991231000000_broken";
    journal.entries.push({ idx: journal.entries.length, version: "7", when: Date.now(), tag, breakpoints: true });
    fs.writeFileSync(journalPath, JSON.stringify(journal));
    fs.writeFileSync(
      path.join(folder, `${tag}.sql`),
      "create table half_made (id int);\n--> statement-breakpoint\nalter table half_made add column x no_such_type;",
    );
    await expect(runMigrations(handle, folder)).rejects.toThrow();
    const rows = await queryRows<{ t: string | null }>(handle.db, sql`select to_regclass('public.half_made')::text as t`);
    expect(rows[0].t).toBeNull();
    expect(await pendingMigrations(handle, folder)).toBe(1);
    expect(await pendingMigrations(handle)).toBe(0);
  });

  it("give PGlite and plain Postgres the Supabase roles and auth.uid()", async () => {
    const roles = await queryRows<{ rolname: string }>(
      handle.db,
      sql`select rolname from pg_roles where rolname in ('anon', 'authenticated', 'service_role') order by rolname`,
    );
    expect(roles.map((r) => r.rolname)).toEqual(["anon", "authenticated", "service_role"]);
    const uid = await handle.db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('request.jwt.claims', '{"sub":"6f1c1d3e-8a43-4b43-9c7e-1f0a4ce0d9aa"}', true)`);
      return queryRows<{ uid: string }>(tx, sql`select auth.uid()::text as uid`);
    });
    expect(uid[0].uid).toBe("6f1c1d3e-8a43-4b43-9c7e-1f0a4ce0d9aa");
  });
});

describe("splitSqlScript", () => {
  it("keeps dollar-quoted bodies whole and drops comments", () => {
    const parts = splitSqlScript("-- c\ncreate schema a;\n\ndo $$\nbegin\n  perform 1;\nend\n$$;\nselect 2;\n");
    expect(parts).toEqual(["create schema a", "do $$\nbegin\n  perform 1;\nend\n$$", "select 2"]);
  });
});
