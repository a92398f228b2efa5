import { randomBytes } from "node:crypto";
import { and, desc, eq, inArray, lt, or } from "drizzle-orm";
import { z } from "zod";
import { forbidden, fromZodError, notFound } from "@/lib/api/errors";
import { roleAtLeast, type Actor } from "@/lib/auth/types";
import { flows, webhookEndpoints, webhookEvents } from "@/lib/db/schema";
import { withUser } from "@/lib/db/scope";
import type { Tx } from "@/lib/db/types";
import { enqueueExecution } from "@/lib/engine/queue";
import { hashWebhookToken, loadFlow } from "@/lib/flows/flow-store";
import { parseWebhookBody } from "./parse-body";

// What people do with a flow's webhook and the events it received: see its settings, rotate
// its URL, list and read raw events, and replay events into new executions.

const asUser = <T>(actor: Actor, fn: (tx: Tx) => Promise<T>) => withUser({ userId: actor.userId, email: actor.email }, fn);

export const listEventsQuerySchema = z.object({
  flow_id: z.string().uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().regex(/^[0-9]+_[0-9a-f-]{36}$/, "is not a cursor from this API").optional(),
});
export const replaySchema = z
  .strictObject({ event_ids: z.array(z.string().uuid()).min(1).max(100) })
  .meta({ id: "ReplayEvents" });

async function endpointOf(tx: Tx, actor: Actor, flowId: string) {
  const { row } = await loadFlow(tx, actor.workspaceId, flowId);
  const [endpoint] = await tx.select().from(webhookEndpoints).where(eq(webhookEndpoints.flowId, row.id));
  if (!endpoint) throw notFound("This flow has no webhook trigger.");
  return endpoint;
}

export async function getWebhook(actor: Actor, flowId: string) {
  return asUser(actor, async (tx) => {
    const endpoint = await endpointOf(tx, actor, flowId);
    const config = endpoint.config as Record<string, unknown>;
    return {
      flow_id: flowId,
      signature_scheme: endpoint.signatureScheme,
      has_signing_secret: Boolean(endpoint.signingSecretEnc),
      methods: config.methods ?? ["POST"],
      max_body_bytes: config.max_body_bytes ?? 1024 * 1024,
      dedup: config.dedup ?? {},
      last_triggered_at: endpoint.lastTriggeredAt?.toISOString() ?? null,
      // Only a hash of the token is kept: the URL is shown when it is made (flow creation, rotation).
      url: null,
    };
  });
}

/** A new URL (the old one stops working at once); the token is shown this once. */
export async function rotateWebhookToken(actor: Actor, flowId: string): Promise<string> {
  if (!roleAtLeast(actor.role, "member")) throw forbidden("Viewers cannot change webhooks.");
  const token = randomBytes(32).toString("base64url");
  await asUser(actor, async (tx) => {
    const endpoint = await endpointOf(tx, actor, flowId);
    await tx.update(webhookEndpoints).set({ tokenHash: hashWebhookToken(token) }).where(eq(webhookEndpoints.id, endpoint.id));
  });
  return token;
}

type EventRow = typeof webhookEvents.$inferSelect;
const summary = (e: EventRow) => ({
  id: e.id,
  flow_id: e.flowId,
  method: e.method,
  content_type: e.contentType,
  bytes: e.rawBody.length,
  dedup_key: e.dedupKey,
  received_at: e.receivedAt.toISOString(),
});

export async function listWebhookEvents(actor: Actor, rawQuery: unknown) {
  const parsed = listEventsQuerySchema.safeParse(rawQuery);
  if (!parsed.success) throw fromZodError(parsed.error);
  const q = parsed.data;
  const conditions = [eq(webhookEvents.workspaceId, actor.workspaceId)];
  if (q.flow_id) conditions.push(eq(webhookEvents.flowId, q.flow_id));
  if (q.cursor) {
    const [ms, id] = q.cursor.split("_");
    const at = new Date(Number(ms));
    conditions.push(or(lt(webhookEvents.receivedAt, at), and(eq(webhookEvents.receivedAt, at), lt(webhookEvents.id, id)))!);
  }
  const rows = await asUser(actor, (tx) =>
    tx
      .select()
      .from(webhookEvents)
      .where(and(...conditions))
      .orderBy(desc(webhookEvents.receivedAt), desc(webhookEvents.id))
      .limit(q.limit + 1),
  );
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    data: page.map(summary),
    next_cursor: rows.length > q.limit && last ? `${last.receivedAt.getTime()}_${last.id}` : null,
  };
}

export async function getWebhookEvent(actor: Actor, id: string) {
  if (!z.string().uuid().safeParse(id).success) throw notFound("No such event.");
  const [row] = await asUser(actor, (tx) =>
    tx.select().from(webhookEvents).where(and(eq(webhookEvents.workspaceId, actor.workspaceId), eq(webhookEvents.id, id))),
  );
  if (!row) throw notFound("No such event.");
  const raw = Buffer.from(row.rawBody);
  const text = (() => {
    try {
      return new TextDecoder("utf-8", { fatal: true }).decode(raw);
    } catch {
      return null;
    }
  })();
  return {
    ...summary(row),
    headers: row.headers,
    query: row.query,
    body: text ?? raw.toString("base64"),
    body_encoding: text === null ? "base64" : "utf8",
  };
}

/** New executions of the events' flows with the same payload (on the flows' current versions). */
export async function replayWebhookEvents(actor: Actor, raw: unknown): Promise<string[]> {
  if (!roleAtLeast(actor.role, "member")) throw forbidden("Viewers cannot replay events.");
  const parsed = replaySchema.safeParse(raw);
  if (!parsed.success) throw fromZodError(parsed.error);
  return asUser(actor, async (tx) => {
    const rows = await tx
      .select({ event: webhookEvents, flow: flows })
      .from(webhookEvents)
      .innerJoin(flows, eq(flows.id, webhookEvents.flowId))
      .where(and(eq(webhookEvents.workspaceId, actor.workspaceId), inArray(webhookEvents.id, parsed.data.event_ids)));
    const found = new Set(rows.map((r) => r.event.id));
    const missing = parsed.data.event_ids.find((id) => !found.has(id));
    if (missing) throw notFound(`No such event: ${missing}.`);
    const ids: string[] = [];
    for (const { event, flow } of rows) {
      const { body, raw: rawText } = parseWebhookBody(event.rawBody, event.contentType);
      const execution = await enqueueExecution(tx, {
        workspaceId: actor.workspaceId,
        flowId: flow.id,
        flowVersion: flow.version,
        triggerType: "webhook",
        payload: { body, headers: event.headers, query: event.query, raw: rawText, replayed: true },
        eventId: event.id,
      });
      ids.push(execution.id);
    }
    return ids;
  });
}
