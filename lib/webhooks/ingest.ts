import { createHash, randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { ApiError, notFound } from "@/lib/api/errors";
import { readBodyCapped } from "@/lib/api/request";
import type { SignatureSpec } from "@/lib/connectors/types";
import { decryptSecret } from "@/lib/crypto";
import { getKeyRing } from "@/lib/crypto/runtime";
import { flows, webhookEndpoints } from "@/lib/db/schema";
import type { Db } from "@/lib/db/types";
import { readPath } from "@/lib/connectors/paths";
import { hashWebhookToken } from "@/lib/flows/flow-store";
import { cachedEndpoint, forgetEndpoint, rememberEndpoint, type CachedEndpoint } from "./endpoint-cache";
import { keptHeaders } from "./keep-headers";
import { parseWebhookBody } from "./parse-body";
import { storeEvent } from "./store-events";
import { signatureHeaders, verifySignature } from "./signatures";

// Accepting a webhook: find the endpoint by its token's hash, refuse what is not for it
// (inactive flow, method, size, signature), drop a repeat delivery, and only then store the
// raw event and its queued execution in one statement (store-events.ts; deliveries arriving
// together share it) — an accepted event is never lost, and no step runs before the answer.
// The endpoint may come from a per-process cache; the storing statement re-checks it (token,
// signature setup, config, flow active) and takes the flow's version itself, so a cached
// endpoint never changes an answer.

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

  const payload = { body, headers, query, raw: rawText.length <= 256 * 1024 ? rawText : rawText.slice(0, 256 * 1024) };
  const stored = await storeEvent(db, {
    endpointId: endpoint.endpointId,
    tokenHash,
    signatureScheme: endpoint.signatureScheme,
    signingSecretEnc: endpoint.signingSecretEnc,
    config: endpoint.config,
    workspaceId: endpoint.workspaceId,
    flowId: endpoint.flowId,
    scope: `webhook:${endpoint.endpointId}`,
    dedupKey,
    receivedAt: now,
    expiresAt: new Date(now.getTime() + windowSeconds * 1000),
    eventId: randomUUID(),
    executionId: randomUUID(),
    method: request.method,
    contentType,
    headers,
    query,
    rawBody: raw,
    payload,
  });
  if (!stored.current) return "stale";
  if (!stored.executionId || !stored.eventId) {
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
  return { status: 202, eventId: stored.eventId, executionId: stored.executionId };
}
