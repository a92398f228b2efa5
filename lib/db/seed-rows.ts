import { randomUUID } from "node:crypto";
import * as s from "./schema";
import type { Db } from "./types";

// One row in every workspace-scoped table, for tests that must prove something about all
// of them (row-level security, workspace scoping, retention).
export async function seedOneOfEverything(db: Db, workspaceId: string): Promise<{ flowId: string; executionId: string }> {
  const [connection] = await db
    .insert(s.connections)
    .values({ workspaceId, connector: "http", name: `conn-${randomUUID()}`, credentialsEnc: "jv1.test.x.y" })
    .returning();
  await db.insert(s.connectors).values({ workspaceId, slug: `custom-${randomUUID()}`, name: "Custom", definition: {} });
  const [flow] = await db
    .insert(s.flows)
    .values({ workspaceId, name: "Seeded flow", triggerType: "webhook", trigger: { type: "webhook" } })
    .returning();
  await db.insert(s.flowVersions).values({ workspaceId, flowId: flow.id, version: 1, definition: {} });
  await db
    .insert(s.flowSteps)
    .values({ workspaceId, flowId: flow.id, position: 0, key: "post", kind: "action", connectionId: connection.id });
  const [endpoint] = await db
    .insert(s.webhookEndpoints)
    .values({ workspaceId, flowId: flow.id, tokenHash: randomUUID() })
    .returning();
  const [event] = await db
    .insert(s.webhookEvents)
    .values({ workspaceId, endpointId: endpoint.id, flowId: flow.id, method: "POST", rawBody: Buffer.from("{}") })
    .returning();
  const [execution] = await db
    .insert(s.executions)
    .values({ workspaceId, flowId: flow.id, flowVersion: 1, eventId: event.id, triggerType: "webhook" })
    .returning();
  await db
    .insert(s.executionSteps)
    .values({ workspaceId, executionId: execution.id, stepKey: "post", position: 0, status: "succeeded" });
  await db.insert(s.syncState).values({ workspaceId, flowId: flow.id, cursor: { page: 2 } });
  await db
    .insert(s.dedupKeys)
    .values({ workspaceId, scope: endpoint.id, key: randomUUID(), expiresAt: new Date(Date.now() + 86_400_000) });
  await db.insert(s.notificationChannels).values({ workspaceId, kind: "slack", name: "Ops" });
  await db
    .insert(s.alerts)
    .values({ workspaceId, flowId: flow.id, kind: "execution_failed", fingerprint: randomUUID(), title: "t", message: "m" });
  await db.insert(s.apiKeys).values({ workspaceId, name: "seed", prefix: "jct_seed", keyHash: randomUUID() });
  await db.insert(s.rateLimitBuckets).values({ workspaceId, bucket: `seed:${randomUUID()}`, windowStart: new Date(), count: 1 });
  await db.insert(s.oauthStates).values({
    workspaceId,
    userId: randomUUID(),
    connector: "github",
    codeVerifier: "v",
    redirectUri: "http://127.0.0.1/cb",
    expiresAt: new Date(Date.now() + 600_000),
  });
  await db.insert(s.auditEvents).values({
    workspaceId,
    actorLabel: "seed",
    action: "flow.created",
    targetType: "flow",
    targetId: flow.id,
    targetName: flow.name,
  });
  await db.insert(s.flowHourlyStats).values({ workspaceId, flowId: flow.id, hour: new Date("2026-01-01T00:00:00Z"), succeeded: 1 });
  return { flowId: flow.id, executionId: execution.id };
}
