import { createHash, randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { ApiError, notFound } from "@/lib/api/errors";
import { readBodyCapped } from "@/lib/api/request";
import type { SignatureSpec } from "@/lib/connectors/types";
import { decryptSecret } from "@/lib/crypto";
import { getKeyRing } from "@/lib/crypto/runtime";
import { flows, webhookEndpoints } from "@/lib/db/schema";
import { preparedRows, type Db } from "@/lib/db/types";
import { readPath } from "@/lib/connectors/paths";
import { hashWebhookToken } from "@/lib/flows/flow-store";
import { cachedEndpoint, forgetEndpoint, rememberEndpoint, type CachedEndpoint } from "./endpoint-cache";
import { keptHeaders } from "./keep-headers";
import { parseWebhookBody } from "./parse-body";
import { signatureHeaders, verifySignature } from "./signatures";

// Accepting a webhook: find the endpoint by its token's hash, refuse what is not for it
// (inactive flow, method, size, signature), drop a repeat delivery, and only then store the
// raw event and its queued execution in ONE statement — an accepted event is never lost,
// and no step runs before the answer. The endpoint may come from a per-process cache; the
// storing statement re-checks it (token, signature setup, config, flow active) and takes
// the flow's version itself, so a cached endpoint never changes an answer.

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
export const DEFAULT_DEDUP_WINDOW_SECONDS = 86_400;

// One statement, so one implicit transaction and one round trip: check the endpoint is still
// what was read (and its flow active, and take the flow's current version), claim the dedup
// key (or re-claim one whose window passed), and only if it was claimed store the event and
// its queued execution and note the execution on the key. Ids are made by the caller:
// sub-statements of one statement cannot see each other's rows, so the key records its
// execution when it is claimed. Its text never changes, so it is a prepared statement.
const STORE_EVENT = `
  with target as (
    select f.version
      from webhook_endpoints e join flows f on f.id = e.flow_id
     where e.id = $1::uuid and e.token_hash = $2::text and f.is_active
       and e.signature_scheme = $3::text
       and e.signing_secret_enc is not distinct from $4::text
       and e.config = $5::jsonb),
  claim as (
    insert into dedup_keys (workspace_id, scope, key, expires_at, execution_id)
    select $6::uuid, $7::text, $8::text, $9::timestamptz, $10::uuid from target
    on conflict (scope, key) do update
      set expires_at = excluded.expires_at, created_at = now(), execution_id = excluded.execution_id
      where dedup_keys.expires_at <= $11::timestamptz
    returning key),
  event as (
    insert into webhook_events (id, workspace_id, endpoint_id, flow_id, method, content_type, headers, query, raw_body, dedup_key, received_at)
    select $12::uuid, $6::uuid, $1::uuid, $13::uuid, $14::text, $15::text, $16::jsonb, $17::jsonb, $18::bytea, $8::text, $11::timestamptz
      from claim
    returning id),
  execution as (
    insert into executions (id, workspace_id, flow_id, flow_version, event_id, trigger_type, trigger_payload, attempt)
    select $10::uuid, $6::uuid, $13::uuid, (select version from target), event.id, 'webhook', $19::jsonb, 1
      from event
    returning id)
  select exists (select 1 from target) as current,
         (select id::text from event) as event_id,
         (select id::text from execution) as execution_id,
         (select execution_id::text from dedup_keys where scope = $7::text and key = $8::text) as previous`;

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

async function loadEndpoint(db: Db, tokenHash: string, now: Date): Promise<CachedEndpoint> {
  const [found] = await db
    .select({ endpoint: webhookEndpoints, flow: { id: flows.id, name: flows.name, isActive: flows.isActive } })
    .from(webhookEndpoints)
    .innerJoin(flows, eq(flows.id, webhookEndpoints.flowId))
    .where(eq(webhookEndpoints.tokenHash, tokenHash));
  if (!found) {
    forgetEndpoint(tokenHash);
    throw notFound("No webhook here.");
  }
  const { endpoint, flow } = found;
  const loaded: CachedEndpoint = {
    endpointId: endpoint.id,
    workspaceId: endpoint.workspaceId,
    flowId: flow.id,
    flowName: flow.name,
    flowActive: flow.isActive,
    signatureScheme: endpoint.signatureScheme,
    signingSecretEnc: endpoint.signingSecretEnc,
    config: endpoint.config,
    touchedAt: 0,
  };
  // Only active endpoints are remembered: activating a flow must take effect at once.
  if (flow.isActive) rememberEndpoint(tokenHash, loaded, now.getTime());
  else forgetEndpoint(tokenHash);
  return loaded;
}

/** Refuses a delivery the endpoint does not take, before its body is read. */
function checkAccepted(endpoint: CachedEndpoint, method: string): void {
  if (!endpoint.flowActive) {
    throw new ApiError(404, "flow_inactive", `The flow "${endpoint.flowName}" is not active, so this webhook accepts nothing. Activate the flow first.`);
  }
  const methods = endpointConfig(endpoint.config).methods ?? ["POST"];
  if (!methods.includes(method)) {
    throw new ApiError(405, "method_not_allowed", `This webhook accepts ${methods.join(", ")}.`, {}, { Allow: methods.join(", ") });
  }
}

function bodyLimit(endpoint: CachedEndpoint): number {
  return endpointConfig(endpoint.config).max_body_bytes ?? DEFAULT_MAX_BODY_BYTES;
}

const endpointChanged = () =>
  new ApiError(503, "endpoint_changed", "The webhook was being changed while this delivery arrived; send it again.", {}, { "Retry-After": "1" });

function accepts(endpoint: CachedEndpoint, method: string): boolean {
  return endpoint.flowActive && (endpointConfig(endpoint.config).methods ?? ["POST"]).includes(method);
}

export async function ingestWebhook(db: Db, token: string, request: Request, now = new Date()): Promise<IngestResult> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) throw notFound("No webhook here.");
  const tokenHash = hashWebhookToken(token);
  // A remembered endpoint may be out of date. Whatever it would refuse (method, size,
  // signature) is decided again on the row as it is now; whatever it would accept is checked
  // by the storing statement itself. So a cached copy never changes an answer.
  let endpoint = cachedEndpoint(tokenHash, now.getTime());
  let fromCache = endpoint !== undefined;
  const reload = async () => {
    forgetEndpoint(tokenHash);
    fromCache = false;
    return (endpoint = await loadEndpoint(db, tokenHash, now));
  };
  if (!endpoint || !accepts(endpoint, request.method)) endpoint = await reload();
  checkAccepted(endpoint, request.method);
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (fromCache && declared > bodyLimit(endpoint)) endpoint = await reload();
  let raw: Uint8Array;
  try {
    raw = await readBodyCapped(request, bodyLimit(endpoint));
  } catch (error) {
    // Too big for the remembered limit, and the body is now partly read: if the limit
    // changed meanwhile, the sender must try again; if not, it really is too big.
    if (fromCache && error instanceof ApiError && error.status === 413) {
      const limit = bodyLimit(endpoint);
      const fresh = await reload();
      checkAccepted(fresh, request.method);
      if (bodyLimit(fresh) !== limit) throw endpointChanged();
    }
    throw error;
  }
  // A changed endpoint (rotated token, new secret or config, paused flow) makes the store
  // find nothing, and a remembered one may have refused a signature its new secret accepts:
  // read it again and decide on what it is now. Twice is a race with an edit; the sender
  // should simply retry.
  for (let attempt = 1; ; attempt++) {
    let result: IngestResult | "stale";
    try {
      result = await accept(db, endpoint, tokenHash, request, raw, now);
    } catch (error) {
      if (!(fromCache && error instanceof ApiError && error.status === 401)) throw error;
      result = "stale";
    }
    if (result !== "stale") return result;
    if (attempt === 2) throw endpointChanged();
    await reload();
    checkAccepted(endpoint, request.method);
    const limit = bodyLimit(endpoint);
    if (raw.byteLength > limit) throw new ApiError(413, "payload_too_large", `The body is larger than this webhook's limit of ${limit} bytes.`);
  }
}

async function accept(
  db: Db,
  endpoint: CachedEndpoint,
  tokenHash: string,
  request: Request,
  raw: Uint8Array,
  now: Date,
): Promise<IngestResult | "stale"> {
  const config = endpointConfig(endpoint.config);
  const spec = { ...config.signature, scheme: endpoint.signatureScheme } as SignatureSpec;
  if (spec.scheme !== "none") {
    if (!endpoint.signingSecretEnc) throw new ApiError(401, "signature_invalid", "This webhook has no signing secret configured.");
    const secret = decryptSecret(await getKeyRing(), endpoint.signingSecretEnc, {
      table: "webhook_endpoints",
      rowId: endpoint.endpointId,
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
  const scope = `webhook:${endpoint.endpointId}`;

  const expiresAt = new Date(now.getTime() + windowSeconds * 1000).toISOString();
  const eventId = randomUUID();
  const executionId = randomUUID();
  const payload = { body, headers, query, raw: rawText.length <= 256 * 1024 ? rawText : rawText.slice(0, 256 * 1024) };
  const [stored] = await preparedRows<{ current: boolean; event_id: string | null; execution_id: string | null; previous: string | null }>(
    db,
    STORE_EVENT,
    [
      endpoint.endpointId,
      tokenHash,
      endpoint.signatureScheme,
      endpoint.signingSecretEnc,
      JSON.stringify(endpoint.config ?? {}),
      endpoint.workspaceId,
      scope,
      dedupKey,
      expiresAt,
      executionId,
      now.toISOString(),
      eventId,
      endpoint.flowId,
      request.method,
      contentType,
      JSON.stringify(headers),
      JSON.stringify(query),
      Buffer.from(raw),
      JSON.stringify(payload),
    ],
  );
  if (!stored.current) return "stale";
  if (!stored.execution_id || !stored.event_id) {
    return { status: 200, duplicate: true, executionId: stored.previous, dedupKey, windowSeconds };
  }
  // At most once a second per process: concurrent deliveries must not queue up on the
  // endpoint's row lock, nor pay a round trip each for a timestamp.
  if (now.getTime() - endpoint.touchedAt >= 1000) {
    endpoint.touchedAt = now.getTime();
    await db.execute(
      sql`update webhook_endpoints set last_triggered_at = ${now.toISOString()}
           where id = ${endpoint.endpointId} and (last_triggered_at is null or last_triggered_at < ${new Date(now.getTime() - 1000).toISOString()})`,
    );
  }
  return { status: 202, eventId: stored.event_id, executionId: stored.execution_id };
}
