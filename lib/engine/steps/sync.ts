import { createHash } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import { nextPageRequest, pageItems } from "@/lib/connectors/pagination";
import type { HttpRequest } from "@/lib/connectors/request";
import { dedupKeys, executions, syncState } from "@/lib/db/schema";
import type { SyncStep } from "@/lib/flows/definition";
import { callAction, openAction } from "../call-action";
import { applyMapping, evaluateExpression, evaluateTemplate, truthy } from "../evaluate";
import { Checkpoint, NonRetriableError } from "../outcomes";
import type { RunContext } from "../run-context";
import type { StepResult } from "../run-steps";

// A sync reads its source page by page (never holding more than a page and a batch), drops
// records the filter rejects and records already delivered (by dedup key), maps the rest and
// writes them to the destination in batches. Where it stops — the budget ran out — the next
// page is kept in sync_state and the next run continues there. A run whose mapped data is
// identical to the previous whole run's (same checksum) and fits in one batch writes nothing;
// larger unchanged data is written again unless a dedup_key skips it record by record.

const DEDUP_TTL_MS = 365 * 86_400_000;

interface SyncCursor {
  url: string;
  body?: string;
  method: string;
}

function checksumOf(hash: ReturnType<typeof createHash>, records: unknown[]): void {
  for (const r of records) hash.update(JSON.stringify(r)).update("\n");
}

export async function runSyncStep(step: SyncStep, ctx: RunContext, key: string): Promise<StepResult> {
  const { workspaceId, flowId } = ctx.execution;
  const scope = `sync:${flowId}:${step.key}`;
  const context = ctx.expressionContext();
  const sourceInput = await evaluateTemplate(step.source.input, context, "source.input");
  const source = await openAction(ctx, {
    connector: step.source.connector,
    action: step.source.action,
    connection: step.source.connection,
    input: sourceInput,
    idempotencyKey: `${ctx.execution.id}:${key}:source`,
  });
  const pagination = source.action.pagination;
  if (!pagination) throw new NonRetriableError(`${source.def.name} · ${source.action.name} cannot be read page by page.`);

  const [state] = await ctx.db.select().from(syncState).where(eq(syncState.flowId, flowId));
  const cursor = state?.cursor as SyncCursor | null | undefined;
  let request: HttpRequest | undefined = cursor
    ? { ...source.request, method: cursor.method as HttpRequest["method"], url: cursor.url, body: cursor.body }
    : source.request;

  const hash = createHash("sha256");
  let batch: Record<string, unknown>[] = [];
  let keys: string[] = [];
  let held: Fresh | null = null;
  let streaming = false;
  let batches = 0;
  let read = 0;
  let filtered = 0;
  let duplicates = 0;
  let written = 0;
  let pages = 0;

  const writeBatch = async (fresh: Fresh) => {
    if (fresh.records.length === 0) return;
    const input = await evaluateTemplate(
      step.destination.input,
      { ...context, records: fresh.records, record: fresh.records[0] },
      "destination.input",
    );
    await ctx.beforeSideEffect();
    await callAction(ctx, {
      connector: step.destination.connector,
      action: step.destination.action,
      connection: step.destination.connection,
      input,
      idempotencyKey: `${ctx.execution.id}:${key}:${batches++}`,
    });
    // Marked delivered only once written: a crash in between re-delivers (with the same
    // idempotency key) rather than losing records.
    if (fresh.keys.length) {
      const expiresAt = new Date(ctx.now().getTime() + DEDUP_TTL_MS);
      await ctx.db
        .insert(dedupKeys)
        .values(fresh.keys.map((k) => ({ workspaceId, scope, key: k, executionId: ctx.execution.id, expiresAt })))
        .onConflictDoNothing();
    }
    written += fresh.records.length;
  };

  // The first batch is held back: if it is all there is, it may equal the last run's data.
  const emit = async (fresh: Fresh) => {
    if (fresh.records.length === 0) return;
    checksumOf(hash, fresh.records);
    if (!streaming && !held) {
      held = fresh;
      return;
    }
    if (!streaming && held) {
      streaming = true;
      await writeBatch(held);
      held = null;
    }
    await writeBatch(fresh);
  };

  const takeBatch = async () => {
    const fresh = await dropDelivered(ctx, scope, batch, keys, step.dedup_key !== undefined);
    duplicates += batch.length - fresh.records.length;
    batch = [];
    keys = [];
    await emit(fresh);
  };

  const countProcessed = (records: number) =>
    ctx.db
      .update(executions)
      .set({ recordsProcessed: sql`${executions.recordsProcessed} + ${records}` })
      .where(eq(executions.id, ctx.execution.id));

  const saveCursor = async (next: HttpRequest | undefined) => {
    const value: SyncCursor | null = next ? { method: next.method, url: next.url, ...(next.body ? { body: next.body } : {}) } : null;
    await ctx.db
      .insert(syncState)
      .values({ workspaceId, flowId, cursor: value })
      .onConflictDoUpdate({ target: syncState.flowId, set: { cursor: value, updatedAt: new Date() } });
  };

  // The page holding the oldest record not yet written: where a stopped run resumes, so
  // nothing read but unwritten is lost (records of that page already written may be sent
  // again; a dedup_key skips them). The records read before that page are this run's count;
  // the next run reads that page again and counts it then, so no record is counted twice.
  let resumeFrom: HttpRequest | undefined;
  let readBeforeResume = 0;
  let readBeforePage = 0;
  let stopping = false;
  const stop = async (at: HttpRequest | undefined, reason: string, runAfter: Date | null = null): Promise<never> => {
    stopping = true;
    await saveCursor(at);
    await countProcessed(resumeFrom ? readBeforeResume : read);
    throw new Checkpoint(reason, runAfter);
  };

  try {
    while (request) {
      if (ctx.remainingMs() <= 0) {
        await stop(resumeFrom ?? request, `Sync "${step.key}" continues from page ${pages + 1} in a new run.`);
      }
      const pageRequest: HttpRequest = request;
      const response = await source.send(pageRequest);
      pages++;
      readBeforePage = read;
      for (const item of pageItems(pagination, response.body)) {
        read++;
        // A record's own fields are at the root (as in the mapping), and also under `record`.
        const itemContext = { ...(item !== null && typeof item === "object" && !Array.isArray(item) ? item : {}), ...context, record: item };
        if (step.filter && !truthy(await evaluateExpression(step.filter, itemContext, "filter"))) {
          filtered++;
          continue;
        }
        if (step.dedup_key) {
          const value = await evaluateExpression(step.dedup_key, itemContext, "dedup_key");
          if (value === undefined || value === null || value === "") throw new NonRetriableError("dedup_key: a record has no value for it.");
          keys.push(typeof value === "string" ? value : JSON.stringify(value));
        }
        batch.push(await applyMapping(step.mapping, item, itemContext, "mapping"));
        if (!resumeFrom) {
          resumeFrom = pageRequest;
          readBeforeResume = readBeforePage;
        }
        if (batch.length >= step.batch_size) {
          await takeBatch();
          if (streaming) resumeFrom = undefined;
        }
      }
      request = nextPageRequest(pagination, pageRequest, { json: response.body, headers: response.headers });
    }
  } catch (error) {
    // A rate limit on the source or the destination: stop where nothing is lost, resume later.
    if (error instanceof Checkpoint && !stopping) {
      await stop(resumeFrom ?? request, error.reason, error.runAfter);
    }
    throw error;
  }
  await takeBatch();

  const checksum = hash.digest("hex");
  // Only a run that read the whole source can be compared with the last whole run.
  const unchanged = !cursor && held !== null && state?.lastChecksum === checksum;
  if (held && !unchanged) await writeBatch(held);
  await saveCursor(undefined);
  await countProcessed(read);
  if (!cursor) await ctx.db.update(syncState).set({ lastChecksum: checksum }).where(eq(syncState.flowId, flowId));
  await ctx.db.update(executions).set({ checksum }).where(eq(executions.id, ctx.execution.id));
  return {
    output: { pages, read, filtered, duplicates, written, unchanged },
    sideEffect: written > 0,
  };
}

interface Fresh {
  records: Record<string, unknown>[];
  keys: string[];
}

/** The records of a batch whose dedup key was not delivered before (all of them without keys). */
async function dropDelivered(
  ctx: RunContext,
  scope: string,
  records: Record<string, unknown>[],
  keys: string[],
  keyed: boolean,
): Promise<Fresh> {
  if (!keyed || records.length === 0) return { records, keys: [] };
  const seen = new Set(
    (
      await ctx.db
        .select({ key: dedupKeys.key })
        .from(dedupKeys)
        .where(and(eq(dedupKeys.scope, scope), inArray(dedupKeys.key, keys)))
    ).map((r) => r.key),
  );
  const out: Fresh = { records: [], keys: [] };
  const inBatch = new Set<string>();
  records.forEach((record, i) => {
    const k = keys[i];
    if (seen.has(k) || inBatch.has(k)) return;
    inBatch.add(k);
    out.records.push(record);
    out.keys.push(k);
  });
  return out;
}
