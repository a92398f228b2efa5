import { createHash } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { ApiError, notFound } from "@/lib/api/errors";
import { readBodyCapped } from "@/lib/api/request";
import type { SignatureSpec } from "@/lib/connectors/types";
import { decryptSecret } from "@/lib/crypto";
import { getKeyRing } from "@/lib/crypto/runtime";
import { dedupKeys, flows, webhookEndpoints, webhookEvents } from "@/lib/db/schema";
import { queryRows, type Db } from "@/lib/db/types";
import { enqueueExecution } from "@/lib/engine/queue";
import { readPath } from "@/lib/connectors/paths";
import { hashWebhookToken } from "@/lib/flows/flow-store";
import { keptHeaders } from "./keep-headers";
import { parseWebhookBody } from "./parse-body";
import { signatureHeaders, verifySignature } from "./signatures";

// Accepting a webhook: find the endpoint by its token's hash, refuse what is not for it
// (inactive flow, method, size, signature), drop a repeat delivery, and only then store the
// raw event and its queued execution in ONE transaction — an accepted event is never lost,
// and no step runs before the answer.

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
export const DEFAULT_DEDUP_WINDOW_SECONDS = 86_400;

/** Provider headers that carry a delivery's own id, in the order tried. */
const EVENT_ID_HEADERS = ["webhook-id", "x-github-delivery", "x-shopify-webhook-id", "x-request-id-unique"];

const endpointConfig = (config: unknown) =>
  (config ?? {}) as {
    methods?: string[];
    max_body_bytes?: number;
    dedup?: { path?: string; window_seconds?: number };
    signature?: Omit<SignatureSpec, "scheme"> & { scheme?: SignatureSpec["scheme"] };
  };

export type IngestResult =
  | { status: 202; eventId: string; executionId: string }
  | { status: 200; duplicate: true; executionId: string | null; dedupKey: string; windowSeconds: number };

function dedupKeyOf(scheme: string, dedupPath: string | undefined, headers: Headers, body: unknown, raw: Uint8Array): string {
  if (dedupPath) {
    const value = readPath(body, dedupPath);
    if (value !== undefined && value !== null && value !== "") return `path:${String(value)}`;
  }
  for (const name of EVENT_ID_HEADERS) {
    const value = headers.get(name);
    if (value) return `id:${value}`;
  }
  // Stripe and Slack put the event's id in the body.
  if (scheme === "stripe" && typeof readPath(body, "id") === "string") return `id:${String(readPath(body, "id"))}`;
  if (scheme === "slack" && typeof readPath(body, "event_id") === "string") return `id:${String(readPath(body, "event_id"))}`;
  return `sha256:${createHash("sha256").update(raw).digest("hex")}`;
}

export async function ingestWebhook(db: Db, token: string, request: Request, now = new Date()): Promise<IngestResult> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) throw notFound("No webhook here.");
  const [found] = await db
    .select({ endpoint: webhookEndpoints, flow: flows })
    .from(webhookEndpoints)
    .innerJoin(flows, eq(flows.id, webhookEndpoints.flowId))
    .where(eq(webhookEndpoints.tokenHash, hashWebhookToken(token)));
  if (!found) throw notFound("No webhook here.");
  const { endpoint, flow } = found;
  if (!flow.isActive) {
    throw new ApiError(404, "flow_inactive", `The flow "${flow.name}" is not active, so this webhook accepts nothing. Activate the flow first.`);
  }
  const config = endpointConfig(endpoint.config);
  const methods = config.methods ?? ["POST"];
  if (!methods.includes(request.method)) {
    throw new ApiError(405, "method_not_allowed", `This webhook accepts ${methods.join(", ")}.`, {}, { Allow: methods.join(", ") });
  }
  const raw = await readBodyCapped(request, config.max_body_bytes ?? DEFAULT_MAX_BODY_BYTES);

  const spec = { ...config.signature, scheme: endpoint.signatureScheme } as SignatureSpec;
  if (spec.scheme !== "none") {
    if (!endpoint.signingSecretEnc) throw new ApiError(401, "signature_invalid", "This webhook has no signing secret configured.");
    const secret = decryptSecret(await getKeyRing(), endpoint.signingSecretEnc, {
      table: "webhook_endpoints",
      rowId: endpoint.id,
      workspaceId: endpoint.workspaceId,
    });
    const verdict = verifySignature(spec, { rawBody: raw, headers: request.headers, secret, now });
    if (!verdict.ok) throw new ApiError(401, "signature_invalid", `Signature check failed: ${verdict.reason}.`);
  }

  const contentType = request.headers.get("content-type");
  const { body, raw: rawText } = parseWebhookBody(raw, contentType);
  const url = new URL(request.url);
  const query = Object.fromEntries(url.searchParams);
  const headers = keptHeaders(request.headers, spec.scheme !== "none" ? signatureHeaders(spec) : []);
  const windowSeconds = config.dedup?.window_seconds ?? DEFAULT_DEDUP_WINDOW_SECONDS;
  const dedupKey = dedupKeyOf(spec.scheme, config.dedup?.path, request.headers, body, raw);
  const scope = `webhook:${endpoint.id}`;

  return db.transaction(async (tx) => {
    // Claims the key, or re-claims one whose window has passed; nothing back means a repeat.
    const claimed = await queryRows<{ key: string }>(
      tx,
      sql`insert into dedup_keys (workspace_id, scope, key, expires_at)
          values (${endpoint.workspaceId}, ${scope}, ${dedupKey}, ${new Date(now.getTime() + windowSeconds * 1000).toISOString()})
          on conflict (scope, key) do update set expires_at = excluded.expires_at, created_at = now(), execution_id = null
            where dedup_keys.expires_at <= ${now.toISOString()}
          returning key`,
    );
    if (claimed.length === 0) {
      const [existing] = await tx
        .select({ executionId: dedupKeys.executionId })
        .from(dedupKeys)
        .where(and(eq(dedupKeys.scope, scope), eq(dedupKeys.key, dedupKey)));
      return { status: 200, duplicate: true, executionId: existing?.executionId ?? null, dedupKey, windowSeconds } as const;
    }
    const [event] = await tx
      .insert(webhookEvents)
      .values({
        workspaceId: endpoint.workspaceId,
        endpointId: endpoint.id,
        flowId: flow.id,
        method: request.method,
        contentType,
        headers,
        query,
        rawBody: Buffer.from(raw),
        dedupKey,
        receivedAt: now,
      })
      .returning({ id: webhookEvents.id });
    const execution = await enqueueExecution(tx, {
      workspaceId: endpoint.workspaceId,
      flowId: flow.id,
      flowVersion: flow.version,
      triggerType: "webhook",
      payload: { body, headers, query, raw: rawText.length <= 256 * 1024 ? rawText : rawText.slice(0, 256 * 1024) },
      eventId: event.id,
    });
    await tx
      .update(dedupKeys)
      .set({ executionId: execution.id })
      .where(and(eq(dedupKeys.scope, scope), eq(dedupKeys.key, dedupKey)));
    await tx.update(webhookEndpoints).set({ lastTriggeredAt: now }).where(eq(webhookEndpoints.id, endpoint.id));
    return { status: 202, eventId: event.id, executionId: execution.id } as const;
  });
}
