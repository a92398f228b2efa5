import { randomBytes, randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { eq } from "drizzle-orm";
import type { Actor } from "@/lib/auth/types";
import { resetKeyRing } from "@/lib/crypto/runtime";
import { ensureAuthUser } from "@/lib/db/queries/users";
import { createWorkspace } from "@/lib/db/queries/workspaces";
import { executionSteps, executions } from "@/lib/db/schema";
import { openTestDatabase } from "@/lib/db/testing";
import type { DatabaseHandle } from "@/lib/db/types";
import { resetEnvCache } from "@/lib/env";
import { createFlow } from "@/lib/flows/flow-store";
import { startTestServer, type RecordedRequest, type TestServer } from "@/lib/http/test-server";
import { drainQueue } from "../drain";
import { runFlowManually } from "../executions-service";

// Test fixture for engine tests: a fresh database, a workspace and its owner, and a real
// HTTP "sink" on 127.0.0.1 whose answer each test programs.

export type SinkHandler = (req: IncomingMessage, res: ServerResponse, recorded: RecordedRequest) => unknown;

export interface EngineFixture {
  handle: DatabaseHandle;
  actor: Actor;
  sink: TestServer;
  respond(handler: SinkHandler): void;
  flow(definition: Record<string, unknown>): Promise<string>;
  run(flowId: string, payload?: unknown, options?: { dryRun?: boolean; runBudgetMs?: number }): Promise<string>;
  drain(options?: { runBudgetMs?: number }): Promise<void>;
  execution(id: string): Promise<typeof executions.$inferSelect>;
  steps(id: string): Promise<(typeof executionSteps.$inferSelect)[]>;
  close(): Promise<void>;
}

export async function engineFixture(): Promise<EngineFixture> {
  const handle = await openTestDatabase();
  let handler: SinkHandler = (_req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end('{"ok":true}');
  };
  const sink = await startTestServer((req, res, recorded) => handler(req, res, recorded), { maxRequests: 500, lifetimeMs: 300_000 });
  process.env.JUNCTION_OUTBOUND_ALLOW = `127.0.0.1:${sink.port}`;
  process.env.JUNCTION_ENCRYPTION_KEYS = `t1:${randomBytes(32).toString("base64")}`;
  resetEnvCache();
  resetKeyRing();
  const user = { id: randomUUID(), email: "engine@example.com" };
  await ensureAuthUser(handle.db, user);
  const workspace = await createWorkspace(handle.db, { name: "Engine", ownerId: user.id });
  const actor: Actor = { workspaceId: workspace.id, userId: user.id, email: user.email, role: "owner" };

  return {
    handle,
    actor,
    sink,
    respond(next) {
      handler = next;
    },
    async flow(definition) {
      return (await createFlow(actor, { trigger: { type: "manual" }, ...definition })).row.id;
    },
    async run(flowId, payload = {}, options = {}) {
      const execution = await runFlowManually(actor, flowId, { payload }, { dryRun: options.dryRun });
      await drainQueue(handle.db, { concurrency: 1, runBudgetMs: options.runBudgetMs });
      return execution.id;
    },
    async drain(options = {}) {
      await drainQueue(handle.db, { concurrency: 1, runBudgetMs: options.runBudgetMs });
    },
    async execution(id) {
      const [row] = await handle.db.select().from(executions).where(eq(executions.id, id));
      return row;
    },
    async steps(id) {
      return handle.db.select().from(executionSteps).where(eq(executionSteps.executionId, id)).orderBy(executionSteps.position);
    },
    async close() {
      delete process.env.JUNCTION_OUTBOUND_ALLOW;
      delete process.env.JUNCTION_ENCRYPTION_KEYS;
      resetEnvCache();
      resetKeyRing();
      await sink.close();
      await handle.close();
    },
  };
}
