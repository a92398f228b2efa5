import { createGroupCommit, type GroupCommit } from "@/lib/db/group-commit";
import { jsonWithoutNul } from "@/lib/db/json-without-nul";
import { preparedRows, type Db } from "@/lib/db/types";

// Storing accepted deliveries: each one's raw event and its queued execution, in ONE
// statement per batch of deliveries (lib/db/group-commit.ts), so an accepted event is never
// stored without its execution and no step runs before the answer.
//
// For each delivery the statement checks the endpoint is still what was read (and its flow
// active, taking the flow's current version), claims the dedup key (or re-claims one whose
// window passed), and only if it was claimed stores the event and its execution. Ids are made
// by the caller: sub-statements of one statement cannot see each other's rows, so the key
// records its execution when it is claimed. The deliveries travel as one JSON array, the raw
// bodies base64-encoded. The text never changes, so it is a prepared statement. The planner
// guesses 100 rows for jsonb_to_recordset, so the lookups into tables that grow (endpoints,
// dedup keys) are a LATERAL ... LIMIT 1 and a scalar subquery: an index lookup per delivery,
// never a hash join over the whole table.
/** Exported for the test that reads its plan. */
export const STORE_EVENTS = `
  with input as (
    select *
      from jsonb_to_recordset($1::jsonb) as i(
        ord int, endpoint_id uuid, token_hash text, signature_scheme text, signing_secret_enc text, config jsonb,
        workspace_id uuid, flow_id uuid, scope text, key text, received_at timestamptz, expires_at timestamptz,
        event_id uuid, execution_id uuid, method text, content_type text, headers jsonb, query jsonb,
        raw_body text, payload jsonb)),
  target as (
    select i.ord, checked.version
      from input i
      cross join lateral (
        select f.version
          from webhook_endpoints e join flows f on f.id = e.flow_id
         where e.id = i.endpoint_id and e.token_hash = i.token_hash
           and e.signature_scheme = i.signature_scheme
           and e.signing_secret_enc is not distinct from i.signing_secret_enc
           and e.config = i.config and f.is_active
         limit 1) checked),
  claim as (
    insert into dedup_keys (workspace_id, scope, key, created_at, expires_at, execution_id)
    select i.workspace_id, i.scope, i.key, i.received_at, i.expires_at, i.execution_id
      from input i join target t on t.ord = i.ord
     order by i.scope, i.key
    on conflict (scope, key) do update
      set expires_at = excluded.expires_at, created_at = excluded.created_at, execution_id = excluded.execution_id
      where dedup_keys.expires_at <= excluded.created_at
    returning scope, key),
  event as (
    insert into webhook_events (id, workspace_id, endpoint_id, flow_id, method, content_type, headers, query, raw_body, dedup_key, received_at)
    select i.event_id, i.workspace_id, i.endpoint_id, i.flow_id, i.method, i.content_type, i.headers, i.query,
           decode(i.raw_body, 'base64'), i.key, i.received_at
      from input i join claim c on c.scope = i.scope and c.key = i.key
    returning id),
  execution as (
    insert into executions (id, workspace_id, flow_id, flow_version, event_id, trigger_type, trigger_payload, attempt)
    select i.execution_id, i.workspace_id, i.flow_id, t.version, event.id, 'webhook', i.payload, 1
      from input i join event on event.id = i.event_id join target t on t.ord = i.ord
    returning id)
  select i.ord,
         t.ord is not null as current,
         event.id::text as event_id,
         execution.id::text as execution_id,
         (select d.execution_id::text from dedup_keys d where d.scope = i.scope and d.key = i.key) as previous
    from input i
    left join target t on t.ord = i.ord
    left join event on event.id = i.event_id
    left join execution on execution.id = i.execution_id
   order by i.ord`;

/** One accepted delivery, as stored. */
export interface EventToStore {
  endpointId: string;
  /** The endpoint as it was read: the statement stores nothing unless it is still so. */
  tokenHash: string;
  signatureScheme: string;
  signingSecretEnc: string | null;
  config: unknown;
  workspaceId: string;
  flowId: string;
  scope: string;
  dedupKey: string;
  receivedAt: Date;
  expiresAt: Date;
  eventId: string;
  executionId: string;
  method: string;
  contentType: string | null;
  headers: Record<string, string>;
  query: Record<string, string>;
  rawBody: Uint8Array;
  payload: unknown;
}

export interface StoredEvent {
  /** False when the endpoint changed since it was read: nothing was stored. */
  current: boolean;
  /** Both set when stored; both null for a repeat delivery inside its dedup window. */
  eventId: string | null;
  executionId: string | null;
  /** For a repeat delivery, the execution of the first one. */
  previous: string | null;
}

interface Row extends Record<string, unknown> {
  ord: number;
  current: boolean;
  event_id: string | null;
  execution_id: string | null;
  previous: string | null;
}

// Two batches at a time: one commits while the next is built, and two cores are not shared
// by more backends than that. (Measured on 2 cores at 10 and 50 concurrent deliveries: one at a
// time or three gave less; see bench/README.md, "Webhook ingest".)
const BATCH = { maxItems: 64, maxBytes: 4 * 1024 * 1024, maxInFlight: 2 };

/** The statement's one parameter: the deliveries as a JSON array. */
export function statementInput(events: EventToStore[]): string {
  const input = events.map((e, ord) => ({
    ord,
    endpoint_id: e.endpointId,
    token_hash: e.tokenHash,
    signature_scheme: e.signatureScheme,
    signing_secret_enc: e.signingSecretEnc,
    config: e.config ?? {},
    workspace_id: e.workspaceId,
    flow_id: e.flowId,
    scope: e.scope,
    key: e.dedupKey,
    received_at: e.receivedAt.toISOString(),
    expires_at: e.expiresAt.toISOString(),
    event_id: e.eventId,
    execution_id: e.executionId,
    method: e.method,
    content_type: e.contentType,
    headers: e.headers,
    query: e.query,
    raw_body: Buffer.from(e.rawBody.buffer, e.rawBody.byteOffset, e.rawBody.byteLength).toString("base64"),
    payload: e.payload,
  }));
  // jsonb cannot hold U+0000: the parsed body, headers and query keep U+FFFD in its place;
  // the raw body (base64 here, bytea in the table) keeps the bytes as sent.
  return jsonWithoutNul(JSON.stringify(input));
}

async function storeBatch(db: Db, events: EventToStore[]): Promise<StoredEvent[]> {
  const rows = await preparedRows<Row>(db, STORE_EVENTS, [statementInput(events)]);
  return rows.map((r) => ({ current: r.current, eventId: r.event_id, executionId: r.execution_id, previous: r.previous }));
}

// One group commit per database (tests open many); it lives as long as the database object.
const groups = new WeakMap<Db, GroupCommit<EventToStore, StoredEvent>>();

/** Stores one delivery, together with whatever others arrive at the same time. */
export function storeEvent(db: Db, event: EventToStore): Promise<StoredEvent> {
  let group = groups.get(db);
  if (!group) {
    group = createGroupCommit({
      run: (events) => storeBatch(db, events),
      conflictKey: (e) => `${e.scope}\n${e.dedupKey}`,
      size: (e) => e.rawBody.byteLength,
      ...BATCH,
    });
    groups.set(db, group);
  }
  return group.write(event);
}

/** Deliveries being stored right now: waiting for a statement or in one that is running. */
export function deliveriesBeingStored(db: Db): number {
  return groups.get(db)?.pending() ?? 0;
}

/** How the deliveries to `db` were batched so far. */
export function storeEventStats(db: Db): { batches: number; items: number; largest: number } {
  return groups.get(db)?.stats() ?? { batches: 0, items: 0, largest: 0 };
}
