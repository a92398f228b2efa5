import { and, eq, sql } from "drizzle-orm";
import { ValidationError, ApiError } from "@/lib/api/errors";
import { connections } from "@/lib/db/schema";
import { hitRateLimit } from "@/lib/api/rate-limit";
import { resolveConnector } from "@/lib/connections/resolve-connector";
import { secretValues, type StoredCredentials } from "@/lib/connections/sealed-credentials";
import { prepareAction, splitAuth, type HttpRequest } from "@/lib/connectors/request";
import { bodyReportsFailure, errorMessage, isTransientStatus, retryAfterMs } from "@/lib/connectors/responses";
import type { ActionDefinition, ConnectorDefinition } from "@/lib/connectors/types";
import { outboundFetch, OutboundError, type OutboundResponse } from "@/lib/http";
import { ConnectionUnavailableError, freshCredentials } from "@/lib/oauth/refresh-connection";
import { Checkpoint, NonRetriableError, RetryAfterError, StepFailure } from "./outcomes";
import { MAX_INLINE_WAIT_MS, QUICK_RETRIES, quickRetryDelayMs } from "./retry-policy";
import type { RunContext } from "./run-context";

// One call of a connector action: resolve the connector and the connection (refreshing an
// OAuth token that is about to expire), build the request through the connector's data,
// respect the connection's rate limit shared by every worker, send it through the guarded
// client with the idempotency key, retry transient failures a little, and read the answer.

export const MAX_CALL_TIMEOUT_MS = 30_000;
export const MAX_RESPONSE_BYTES = 10 * 1024 * 1024;

export interface ActionCall {
  connector: string;
  action: string;
  connection: string | null;
  input: unknown;
  /** `<execution id>:<step key>`: the same on every retry of the step. */
  idempotencyKey: string;
}

export interface ActionResult {
  output: unknown;
  httpStatus?: number;
  /** The request as sent (without credentials), for the log and for dry runs. */
  request: { method: string; url: string; headers: Record<string, string>; body?: string };
  sent: boolean;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function resolveParts(ctx: RunContext, call: ActionCall): Promise<{ def: ConnectorDefinition; action: ActionDefinition }> {
  const resolved = await resolveConnector(ctx.db, ctx.execution.workspaceId, call.connector);
  if (!resolved) throw new NonRetriableError(`There is no connector "${call.connector}".`);
  const action = resolved.def.actions.find((a) => a.key === call.action);
  if (!action) throw new NonRetriableError(`${resolved.def.name} has no action "${call.action}".`);
  return { def: resolved.def, action };
}

async function credentialsFor(ctx: RunContext, connectionId: string, rejectedAccessToken?: string): Promise<StoredCredentials> {
  try {
    // Scoped by workspace: a step can never use another workspace's connection.
    const stored = await freshCredentials(ctx.db, ctx.execution.workspaceId, connectionId, {
      ...(rejectedAccessToken ? { rejectedAccessToken } : {}),
    });
    for (const secret of secretValues(stored)) if (!ctx.secrets.includes(secret)) ctx.secrets.push(secret);
    return stored;
  } catch (error) {
    if (error instanceof ConnectionUnavailableError) {
      throw error.transient ? new StepFailure(error.message, true) : new NonRetriableError(error.message);
    }
    throw error;
  }
}

/** A rate limit the user set on the connection, overriding the connector's declared one. */
async function connectionRateLimit(ctx: RunContext, connectionId: string): Promise<{ requests: number; per_seconds: number } | null> {
  const [row] = await ctx.db
    .select({ limit: sql<{ requests: number; per_seconds: number } | null>`${connections.metadata} -> 'rate_limit'` })
    .from(connections)
    .where(and(eq(connections.id, connectionId), eq(connections.workspaceId, ctx.execution.workspaceId)));
  return row?.limit ?? null;
}

function prepare(def: ConnectorDefinition, action: ActionDefinition, call: ActionCall, stored: StoredCredentials | null) {
  try {
    return prepareAction(def, action, call.input, {
      connection: stored ? { authType: stored.authType, credentials: stored.values } : null,
      idempotencyKey: call.idempotencyKey,
    });
  } catch (error) {
    if (error instanceof ValidationError || error instanceof ApiError) throw new NonRetriableError(error.message);
    if (error instanceof Error) throw new NonRetriableError(error.message);
    throw error;
  }
}

function parseBody(response: OutboundResponse): unknown {
  const type = response.headers.get("content-type") ?? "";
  const text = response.text();
  if (/json/i.test(type) || /^\s*[[{]/.test(text)) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}

export interface OpenedAction {
  def: ConnectorDefinition;
  action: ActionDefinition;
  /** The first request, built from the input (with credentials attached). */
  request: HttpRequest;
  display(request?: HttpRequest): ActionResult["request"];
  /** Sends a request of this action (the first, or a next page) and reads the answer. */
  send(request: HttpRequest): Promise<{ status: number; body: unknown; headers: Headers }>;
}

/** Resolves the connector, action and connection and builds the request, without sending. */
export async function openAction(ctx: RunContext, call: ActionCall): Promise<OpenedAction> {
  const { def, action } = await resolveParts(ctx, call);
  let stored = call.connection ? await credentialsFor(ctx, call.connection) : null;
  let prepared = prepare(def, action, call, stored);
  const display = (request: HttpRequest = prepared.request) => {
    const { request: bare } = splitAuth(request);
    return { method: bare.method, url: bare.url, headers: bare.headers, ...(bare.body !== undefined ? { body: bare.body } : {}) };
  };

  async function send(first: HttpRequest) {
    let current = first;
    if (call.connection) {
      const own = await connectionRateLimit(ctx, call.connection);
      const limit = await hitRateLimit(ctx.db, {
        workspaceId: ctx.execution.workspaceId,
        bucket: `connection:${call.connection}`,
        limit: own?.requests ?? def.rateLimit.requests,
        windowMs: (own?.per_seconds ?? def.rateLimit.perSeconds) * 1000,
      });
      if (!limit.allowed) throw new Checkpoint(`${def.name}'s rate limit is reached; continuing when it resets.`, limit.resetAt);
    }
    let refreshed = false;
    for (let attempt = 0; ; attempt++) {
      const { request, credentials } = splitAuth(current);
      let response: OutboundResponse;
      try {
        response = await outboundFetch(
          { method: request.method, url: request.url, headers: request.headers, body: request.body },
          {
            credentials,
            secrets: ctx.secrets,
            // Whole milliseconds: the HTTP layer refuses a fractional timeout.
            timeoutMs: Math.ceil(Math.max(1000, Math.min(MAX_CALL_TIMEOUT_MS, ctx.remainingMs()))),
            maxResponseBytes: MAX_RESPONSE_BYTES,
          },
        );
      } catch (error) {
        if (!(error instanceof OutboundError)) throw error;
        if (error.transient && attempt < QUICK_RETRIES && ctx.remainingMs() > quickRetryDelayMs(attempt + 1) + 1000) {
          await sleep(quickRetryDelayMs(attempt + 1));
          continue;
        }
        throw new StepFailure(error.message, error.transient);
      }

      const body = parseBody(response);
      if (response.status === 401 && stored?.authType === "oauth2" && !refreshed && call.connection) {
        // The token may have been revoked or expired early: refresh once and try again.
        refreshed = true;
        stored = await credentialsFor(ctx, call.connection, stored.values.access_token);
        const rebuilt = prepare(def, action, call, stored);
        // Same request (a next page keeps its URL), new credentials.
        current = { ...current, headers: { ...current.headers, ...rebuilt.request.auth?.headers }, auth: rebuilt.request.auth };
        prepared = rebuilt;
        continue;
      }
      if (isTransientStatus(response.status)) {
        const wait = retryAfterMs(def, response.headers, { status: response.status });
        const delay = quickRetryDelayMs(attempt + 1, wait);
        if (attempt < QUICK_RETRIES && delay <= MAX_INLINE_WAIT_MS && ctx.remainingMs() > delay + 1000) {
          await sleep(delay);
          continue;
        }
        const said = errorMessage(def, body);
        throw new RetryAfterError(`${def.name} answered HTTP ${response.status}${said ? `: ${said}` : ""}.`, wait, {
          httpStatus: response.status,
        });
      }
      if (response.status >= 400 || bodyReportsFailure(def, body)) {
        const said = errorMessage(def, body);
        throw new NonRetriableError(`${def.name} answered HTTP ${response.status}${said ? `: ${said}` : ""}.`, {
          httpStatus: response.status,
        });
      }
      return { status: response.status, body, headers: response.headers };
    }
  }

  return { def, action, request: prepared.request, display, send };
}

export async function callAction(ctx: RunContext, call: ActionCall): Promise<ActionResult> {
  const opened = await openAction(ctx, call);
  if (ctx.execution.dryRun && opened.action.kind === "write") {
    return { output: { dry_run: true, would_send: opened.display() }, request: opened.display(), sent: false };
  }
  const response = await opened.send(opened.request);
  return {
    output: opened.action.output ? opened.action.output(response.body) : response.body,
    httpStatus: response.status,
    request: opened.display(),
    sent: true,
  };
}
