// Bench support: a fresh, migrated database on the PostgreSQL server (BENCH_DATABASE_URL),
// installed as the process's database, with a workspace and its owner; dropped on close.
// Created like a test database (lib/db/testing.ts), with a pool size of our choosing.
import { randomBytes, randomUUID } from "node:crypto";
import type { Actor } from "../../lib/auth/types";
import { resetKeyRing } from "../../lib/crypto/runtime";
import { closeDatabase, installDatabase } from "../../lib/db/client";
import { ensureAuthUser } from "../../lib/db/queries/users";
import { createWorkspace } from "../../lib/db/queries/workspaces";
import { createServerDatabase } from "../../lib/db/testing";
import type { DatabaseHandle } from "../../lib/db/types";
import { resetEnvCache } from "../../lib/env";

export const DEFAULT_BENCH_DATABASE_URL = "postgres://postgres:postgres@127.0.0.1:5432/postgres";

export function benchServerUrl(): string {
  return process.env.BENCH_DATABASE_URL || DEFAULT_BENCH_DATABASE_URL;
}

export interface BenchDatabase {
  handle: DatabaseHandle;
  name: string;
  /** A second pool on the same database, for the raw-insert baseline and checks. */
  url: string;
  actor: Actor;
  close(): Promise<void>;
}

/** Creates `junction_bench_<random>`, migrates it, opens it with a pool of `max`, installs it. */
export async function createBenchDatabase(options: { max: number }): Promise<BenchDatabase> {
  const { handle, url, name, drop } = await createServerDatabase(benchServerUrl(), { prefix: "junction_bench", max: options.max });
  installDatabase(handle);
  try {
    const user = { id: randomUUID(), email: "bench@example.com" };
    await ensureAuthUser(handle.db, user);
    const workspace = await createWorkspace(handle.db, { name: "Bench", ownerId: user.id });
    const actor: Actor = { workspaceId: workspace.id, userId: user.id, email: user.email, role: "owner" };
    return {
      handle,
      name,
      url,
      actor,
      async close() {
        await closeDatabase().catch(() => {});
        await drop();
      },
    };
  } catch (error) {
    await closeDatabase().catch(() => {});
    await drop().catch(() => {});
    throw error;
  }
}

/** Lets the guarded client reach loopback ports, and gives the process an encryption key. */
export function configureRuntime(allow: string[]): void {
  process.env.JUNCTION_OUTBOUND_ALLOW = allow.join(",");
  process.env.JUNCTION_ENCRYPTION_KEYS ??= `bench:${randomBytes(32).toString("base64")}`;
  resetEnvCache();
  resetKeyRing();
}
