import { createHash, randomBytes, randomUUID } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import { nextRunAt } from "@/lib/scheduler/schedule";
import { forbidden, fromZodError, notFound } from "@/lib/api/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { roleAtLeast, type Actor } from "@/lib/auth/types";
import { encryptSecret } from "@/lib/crypto";
import { getKeyRing } from "@/lib/crypto/runtime";
import { flowSteps, flowVersions, flows, webhookEndpoints } from "@/lib/db/schema";
import { withUser } from "@/lib/db/scope";
import type { Queryable, Tx } from "@/lib/db/types";
import { flowDefinitionSchema, walkSteps, type FlowDefinition } from "./definition";
import { findFlowIssues, throwFirstIssue } from "./validate-flow";

// Saving a flow: validate the whole definition, store it as a new version (the old ones stay,
// so an execution can be re-run on the version it ran), materialize its steps for queries
// (which flows use a connection) and, for a webhook trigger, make its endpoint.

export type FlowRow = typeof flows.$inferSelect;

export interface SavedFlow {
  row: FlowRow;
  definition: FlowDefinition;
  /** Only when a webhook token was just made: the full URL is shown this once. */
  webhookToken?: string;
}

const asUser = <T>(actor: Actor, fn: (tx: Tx) => Promise<T>) => withUser({ userId: actor.userId, email: actor.email }, fn);

export function parseFlowDefinition(raw: unknown): FlowDefinition {
  const parsed = flowDefinitionSchema.safeParse(raw);
  if (!parsed.success) throw fromZodError(parsed.error);
  return parsed.data;
}

export function hashWebhookToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The next slot of an active schedule, spread by the flow's stable offset (lib/scheduler/schedule.ts). */
function nextScheduledRun(definition: FlowDefinition, flowId: string, now: Date): Date | null {
  if (definition.trigger.type !== "schedule" || !definition.active) return null;
  return nextRunAt(definition.trigger.cron, definition.trigger.timezone, flowId, now);
}

async function materializeSteps(tx: Tx, workspaceId: string, flowId: string, definition: FlowDefinition): Promise<void> {
  await tx.delete(flowSteps).where(eq(flowSteps.flowId, flowId));
  const all = [...walkSteps(definition.steps), ...walkSteps(definition.on_error, { key: "on_error", arm: "on_error" })];
  if (all.length === 0) return;
  await tx.insert(flowSteps).values(
    all.map(({ step, parent }, position) => ({
      workspaceId,
      flowId,
      position,
      key: step.key,
      kind: step.type,
      parentKey: parent?.key ?? null,
      arm: parent?.arm ?? null,
      connectionId: step.type === "action" ? step.connection : step.type === "sync" ? step.source.connection : null,
      connector: step.type === "action" ? step.connector : step.type === "sync" ? step.source.connector : null,
      action: step.type === "action" ? step.action : step.type === "sync" ? step.source.action : null,
      input: step.type === "action" ? (step.input as object) : null,
      mapping: step.type === "transform" || step.type === "sync" ? step.mapping : null,
      condition: step.type === "filter" || step.type === "branch" ? step.condition : null,
      retryPolicy: step.type === "action" ? (step.retry ?? null) : null,
      config: step.type === "sync" ? { destination: step.destination } : {},
    })),
  );
  // A sync's destination connection must also count as "used by" the flow.
  const destinations = all.filter(({ step }) => step.type === "sync" && step.destination.connection);
  for (const { step } of destinations) {
    if (step.type !== "sync") continue;
    await tx.insert(flowSteps).values({
      workspaceId,
      flowId,
      position: all.length,
      key: `${step.key}__destination`,
      kind: "sync",
      parentKey: step.key,
      arm: "destination",
      connectionId: step.destination.connection,
      connector: step.destination.connector,
      action: step.destination.action,
    });
  }
}

async function ensureWebhookEndpoint(tx: Tx, actor: Actor, flowId: string, definition: FlowDefinition): Promise<string | undefined> {
  if (definition.trigger.type !== "webhook") return undefined;
  const [existing] = await tx.select().from(webhookEndpoints).where(eq(webhookEndpoints.flowId, flowId));
  const signature = definition.trigger.signature;
  const endpointId = existing?.id ?? randomUUID();
  const signingSecretEnc =
    signature?.secret !== undefined
      ? encryptSecret(await getKeyRing(), signature.secret, { table: "webhook_endpoints", rowId: endpointId, workspaceId: actor.workspaceId })
      : (existing?.signingSecretEnc ?? null);
  const config = {
    methods: definition.trigger.methods ?? ["POST"],
    max_body_bytes: definition.trigger.max_body_bytes ?? 1024 * 1024,
    dedup: definition.trigger.dedup ?? {},
    signature: signature ? { ...signature, secret: undefined } : { scheme: "none" },
  };
  if (existing) {
    await tx
      .update(webhookEndpoints)
      .set({ signatureScheme: signature?.scheme ?? "none", signingSecretEnc, config })
      .where(eq(webhookEndpoints.id, existing.id));
    return undefined;
  }
  const token = randomBytes(32).toString("base64url");
  await tx.insert(webhookEndpoints).values({
    id: endpointId,
    workspaceId: actor.workspaceId,
    flowId,
    tokenHash: hashWebhookToken(token),
    signatureScheme: signature?.scheme ?? "none",
    signingSecretEnc,
    config,
  });
  return token;
}

/** The definition as stored: secrets (webhook signing secrets) live encrypted in their own rows. */
export function storedDefinition(definition: FlowDefinition): FlowDefinition {
  if (definition.trigger.type !== "webhook" || !definition.trigger.signature?.secret) return definition;
  const { secret: _secret, ...signature } = definition.trigger.signature;
  void _secret;
  return { ...definition, trigger: { ...definition.trigger, signature } };
}

export async function createFlow(actor: Actor, raw: unknown, now = new Date()): Promise<SavedFlow> {
  if (!roleAtLeast(actor.role, "member")) throw forbidden("Viewers cannot create flows.");
  const definition = parseFlowDefinition(raw);
  return asUser(actor, async (tx) => {
    throwFirstIssue(await findFlowIssues(tx, actor.workspaceId, definition));
    const flowId = randomUUID();
    const [row] = await tx
      .insert(flows)
      .values({
        id: flowId,
        workspaceId: actor.workspaceId,
        name: definition.name,
        description: definition.description,
        isActive: definition.active,
        triggerType: definition.trigger.type,
        trigger: storedDefinition(definition).trigger,
        nextRunAt: nextScheduledRun(definition, flowId, now),
        version: 1,
        retryPolicy: definition.retry ?? null,
        createdBy: actor.userId,
      })
      .returning();
    await tx.insert(flowVersions).values({
      workspaceId: actor.workspaceId,
      flowId: row.id,
      version: 1,
      definition: storedDefinition(definition),
      createdBy: actor.userId,
    });
    await materializeSteps(tx, actor.workspaceId, row.id, definition);
    const webhookToken = await ensureWebhookEndpoint(tx, actor, row.id, definition);
    await recordAudit(tx, actor, { action: "flow.created", targetType: "flow", targetId: row.id, targetName: row.name, details: { version: 1 } });
    return { row, definition: storedDefinition(definition), webhookToken };
  });
}

export async function loadFlow(tx: Tx, workspaceId: string, id: string): Promise<{ row: FlowRow; definition: FlowDefinition }> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound("No such flow.");
  const [row] = await tx.select().from(flows).where(and(eq(flows.workspaceId, workspaceId), eq(flows.id, id)));
  if (!row) throw notFound("No such flow.");
  const [version] = await tx
    .select()
    .from(flowVersions)
    .where(and(eq(flowVersions.flowId, id), eq(flowVersions.version, row.version)));
  return { row, definition: flowDefinitionSchema.parse(version.definition) };
}

export async function getFlow(actor: Actor, id: string) {
  return asUser(actor, (tx) => loadFlow(tx, actor.workspaceId, id));
}

export async function listFlows(actor: Actor): Promise<FlowRow[]> {
  return asUser(actor, (tx) =>
    tx.select().from(flows).where(eq(flows.workspaceId, actor.workspaceId)).orderBy(desc(flows.createdAt)),
  );
}

/** Saves an edit as a new version; executions keep the version they ran. */
export async function updateFlow(actor: Actor, id: string, raw: unknown, now = new Date()): Promise<SavedFlow> {
  if (!roleAtLeast(actor.role, "member")) throw forbidden("Viewers cannot edit flows.");
  const definition = parseFlowDefinition(raw);
  return asUser(actor, async (tx) => {
    const current = await loadFlow(tx, actor.workspaceId, id);
    if (current.definition.trigger.type !== definition.trigger.type && current.row.triggerType === "webhook") {
      await tx.delete(webhookEndpoints).where(eq(webhookEndpoints.flowId, id));
    }
    throwFirstIssue(await findFlowIssues(tx, actor.workspaceId, definition));
    const version = current.row.version + 1;
    const [row] = await tx
      .update(flows)
      .set({
        name: definition.name,
        description: definition.description,
        isActive: definition.active,
        triggerType: definition.trigger.type,
        trigger: storedDefinition(definition).trigger,
        nextRunAt: nextScheduledRun(definition, id, now),
        version,
        retryPolicy: definition.retry ?? null,
        pausedReason: definition.active ? null : current.row.pausedReason,
        updatedAt: now,
      })
      .where(eq(flows.id, id))
      .returning();
    await tx.insert(flowVersions).values({
      workspaceId: actor.workspaceId,
      flowId: id,
      version,
      definition: storedDefinition(definition),
      createdBy: actor.userId,
    });
    await materializeSteps(tx, actor.workspaceId, id, definition);
    const webhookToken = await ensureWebhookEndpoint(tx, actor, id, definition);
    await recordAudit(tx, actor, { action: "flow.updated", targetType: "flow", targetId: id, targetName: row.name, details: { version } });
    return { row, definition: storedDefinition(definition), webhookToken };
  });
}

export async function setFlowActive(actor: Actor, id: string, active: boolean, now = new Date()): Promise<FlowRow> {
  if (!roleAtLeast(actor.role, "member")) throw forbidden("Viewers cannot change flows.");
  return asUser(actor, async (tx) => {
    const { definition } = await loadFlow(tx, actor.workspaceId, id);
    if (active) throwFirstIssue(await findFlowIssues(tx, actor.workspaceId, definition));
    const [row] = await tx
      .update(flows)
      .set({
        isActive: active,
        pausedReason: null,
        nextRunAt: nextScheduledRun({ ...definition, active }, id, now),
        updatedAt: now,
      })
      .where(eq(flows.id, id))
      .returning();
    await recordAudit(tx, actor, { action: active ? "flow.activated" : "flow.deactivated", targetType: "flow", targetId: id, targetName: row.name });
    return row;
  });
}

export async function deleteFlow(actor: Actor, id: string): Promise<void> {
  if (!roleAtLeast(actor.role, "member")) throw forbidden("Viewers cannot delete flows.");
  await asUser(actor, async (tx) => {
    const { row } = await loadFlow(tx, actor.workspaceId, id);
    await tx.delete(flows).where(and(eq(flows.id, id), eq(flows.workspaceId, actor.workspaceId)));
    await recordAudit(tx, actor, { action: "flow.deleted", targetType: "flow", targetId: id, targetName: row.name });
  });
}

export async function flowVersionDefinition(tx: Queryable, flowId: string, version: number): Promise<FlowDefinition> {
  const [row] = await tx
    .select()
    .from(flowVersions)
    .where(and(eq(flowVersions.flowId, flowId), eq(flowVersions.version, version)));
  if (!row) throw notFound(`Version ${version} of the flow does not exist.`);
  return flowDefinitionSchema.parse(row.definition);
}

