// The server killed with kill -9 during an ingest load loses no accepted event: after a
// restart, every event answered 2xx is executed exactly once. On the PostgreSQL server
// (TEST_DATABASE_URL), with a real production server (`junction start`, what `npm start` runs)
// killed mid-load.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { resetKeyRing } from "@/lib/crypto/runtime";
import { ensureAuthUser } from "@/lib/db/queries/users";
import { createWorkspace } from "@/lib/db/queries/workspaces";
import { installDatabase } from "@/lib/db/client";
import { createTestDatabase } from "@/lib/db/testing";
import { queryRows, type DatabaseHandle } from "@/lib/db/types";
import { drainQueue, recoverQueue } from "@/lib/engine/drain";
import { resetEnvCache } from "@/lib/env";
import { createFlow } from "@/lib/flows/flow-store";
import { startTestServer, unusedPort, type TestServer } from "@/lib/http/test-server";

const LOAD_MS = 2_500;
const KILL_AFTER_MS = 1_200;
const CONCURRENCY = 16;

async function startServer(port: number, env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["bin/junction.mjs", "start", "--hostname", "127.0.0.1", "--port", String(port)], {
    cwd: process.cwd(),
    env: { ...process.env, ...env, PORT: String(port) },
    detached: true,
    stdio: "ignore",
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/v1/openapi.json`)).ok) return child;
    } catch {
      // Not up yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("the server did not start within 60 s");
}

const killGroup = (child: ChildProcess | undefined) => {
  if (!child?.pid) return;
  try {
    process.kill(-child.pid, "SIGKILL");
  } catch {
    // Already gone.
  }
};

describe.runIf(Boolean(process.env.TEST_DATABASE_URL))("ingest survives kill -9", () => {
  let handle: DatabaseHandle & { url?: string };
  let sink: TestServer;
  let server: ChildProcess | undefined;
  let token: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    handle = await createTestDatabase();
    installDatabase(handle);
    sink = await startTestServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end("{}");
    }, { maxRequests: 100_000, lifetimeMs: 300_000 });
    env = {
      DATABASE_URL: handle.url!,
      JUNCTION_OUTBOUND_ALLOW: `127.0.0.1:${sink.port}`,
      JUNCTION_ENCRYPTION_KEYS: `e2e:${randomBytes(32).toString("base64")}`,
    };
    Object.assign(process.env, env);
    resetEnvCache();
    resetKeyRing();
    const user = { id: randomUUID(), email: "ingest@example.com" };
    await ensureAuthUser(handle.db, user);
    const ws = await createWorkspace(handle.db, { name: "Ingest", ownerId: user.id });
    const saved = await createFlow({ workspaceId: ws.id, userId: user.id, email: user.email, role: "owner" }, {
      name: "Ingest",
      active: true,
      trigger: { type: "webhook" },
      steps: [{ key: "post", type: "action", connector: "http", action: "request", connection: null,
        input: { method: "POST", url: `${sink.origin}/in`, body: { n: "{{ trigger.body.n }}" } } }],
    });
    token = saved.webhookToken!;
  }, 120_000);

  afterAll(async () => {
    killGroup(server);
    await sink?.close();
    await handle?.close();
  });

  it("every event answered 202 before the kill is executed exactly once after the restart", async () => {
    const port = await unusedPort();
    server = await startServer(port, env);
    const accepted = new Map<string, string>();
    let sent = 0;
    let refused = 0;
    const stopAt = Date.now() + LOAD_MS;
    setTimeout(() => killGroup(server), KILL_AFTER_MS);
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (Date.now() < stopAt) {
          const n = sent++;
          try {
            const response = await fetch(`http://127.0.0.1:${port}/api/webhooks/${token}`, {
              method: "POST",
              headers: { "content-type": "application/json" },
              body: JSON.stringify({ n }),
            });
            if (response.status === 202) {
              const body = (await response.json()) as { event_id: string; execution_id: string };
              accepted.set(body.event_id, body.execution_id);
            } else refused++;
          } catch {
            // Connection refused or reset: the server is dead; such an event was never accepted.
            refused++;
            await new Promise((r) => setTimeout(r, 20));
          }
        }
      }),
    );
    expect(accepted.size, "some events were accepted before the kill").toBeGreaterThan(10);
    expect(refused, "the kill cut some requests off").toBeGreaterThan(0);

    // Restart; then finish what the killed server left (its leases as if expired).
    server = await startServer(port, env);
    await handle.db.execute(sql`update executions set lease_until = now() - interval '1 second' where status = 'running'`);
    for (let i = 0; i < 20; i++) {
      await recoverQueue(handle.db);
      await drainQueue(handle.db, { concurrency: 8, budgetMs: 20_000 });
      const [left] = await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from executions where status in ('queued','running')`);
      if (left.n === 0) break;
    }

    const rows = await queryRows<{ id: string; event_id: string; status: string }>(
      handle.db,
      sql`select id::text, event_id::text, status from executions`,
    );
    const byEvent = new Map<string, { id: string; status: string }[]>();
    for (const r of rows) byEvent.set(r.event_id, [...(byEvent.get(r.event_id) ?? []), r]);
    for (const [eventId, executionId] of accepted) {
      const runs = byEvent.get(eventId) ?? [];
      expect(runs.map((r) => r.id), `event ${eventId}`).toEqual([executionId]);
      expect(runs[0].status).toBe("succeeded");
    }
    // Every execution's call reached the sink, each with its own idempotency key.
    const keys = new Set(sink.requests.map((r) => r.headers["idempotency-key"]));
    for (const executionId of accepted.values()) expect(keys.has(`${executionId}:post`)).toBe(true);
    console.log(`ingest kill test: ${accepted.size} accepted, ${refused} refused or cut off, ${rows.length} executions, all accepted ones succeeded once`);
  }, 180_000);
});
