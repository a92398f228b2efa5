import { createHash, randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { ApiError, notFound } from "@/lib/api/errors";
import { readBodyCapped } from "@/lib/api/request";
import type { SignatureSpec } from "@/lib/connectors/types";
import { decryptSecret } from "@/lib/crypto";
import { getKeyRing } from "@/lib/crypto/runtime";
import { flows, webhookEndpoints } from "@/lib/db/schema";
import { queryRows, type Db } from "@/lib/db/types";
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

  // One statement, so one implicit transaction and one round trip: claim the dedup key (or
  // re-claim one whose window passed), and only if it was claimed store the event and its
  // queued execution and note the execution on the key. Nothing comes back for a repeat.
  const expiresAt = new Date(now.getTime() + windowSeconds * 1000).toISOString();
  // Ids made here: sub-statements of one statement cannot see each other's rows, so the key
  // records its execution when it is claimed.
  const eventId = randomUUID();
  const executionId = randomUUID();
  const payload = { body, headers, query, raw: rawText.length <= 256 * 1024 ? rawText : rawText.slice(0, 256 * 1024) };
  const [stored] = await queryRows<{ event_id: string | null; execution_id: string | null; previous: string | null }>(
    db,
    sql`with claim as (
          insert into dedup_keys (workspace_id, scope, key, expires_at, execution_id)
          values (${endpoint.workspaceId}, ${scope}, ${dedupKey}, ${expiresAt}, ${executionId})
          on conflict (scope, key) do update
            set expires_at = excluded.expires_at, created_at = now(), execution_id = excluded.execution_id
            where dedup_keys.expires_at <= ${now.toISOString()}
          returning key),
        event as (
          insert into webhook_events (id, workspace_id, endpoint_id, flow_id, method, content_type, headers, query, raw_body, dedup_key, received_at)
          select ${eventId}::uuid, ${endpoint.workspaceId}, ${endpoint.id}, ${flow.id}, ${request.method}, ${contentType},
                 ${JSON.stringify(headers)}::jsonb, ${JSON.stringify(query)}::jsonb, ${Buffer.from(raw)}, ${dedupKey}, ${now.toISOString()}
            from claim
          returning id),
        execution as (
          insert into executions (id, workspace_id, flow_id, flow_version, event_id, trigger_type, trigger_payload, attempt)
          select ${executionId}::uuid, ${endpoint.workspaceId}, ${flow.id}, ${flow.version}, event.id, 'webhook', ${JSON.stringify(payload)}::jsonb, 1
            from event
          returning id)
        select (select id::text from event) as event_id,
               (select id::text from execution) as execution_id,
               (select execution_id::text from dedup_keys where scope = ${scope} and key = ${dedupKey}) as previous`,
  );
  if (!stored.execution_id || !stored.event_id) {
    return { status: 200, duplicate: true, executionId: stored.previous, dedupKey, windowSeconds };
  }
  // At most once a second: concurrent deliveries must not queue up on the endpoint's row lock.
  await db.execute(
    sql`update webhook_endpoints set last_triggered_at = ${now.toISOString()}
         where id = ${endpoint.id} and (last_triggered_at is null or last_triggered_at < ${new Date(now.getTime() - 1000).toISOString()})`,
  );
  return { status: 202, eventId: stored.event_id, executionId: stored.execution_id };
}
