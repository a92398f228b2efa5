import { and, asc, eq, gte, inArray, lt, sql, type SQL } from "drizzle-orm";
import { executions, flows } from "@/lib/db/schema";
import type { Queryable, Tx } from "@/lib/db/types";
import { encodeCursor, type Cursor } from "./cursor";
import { timeWindow, type ExecutionListParams } from "./list-params";

// One page of the executions list, newest first, by keyset on (created_at, id): the page after
// a cursor is an index range scan whatever its depth — no OFFSET, and no count(*) (a total
// over a million rows costs a scan; the list says "older" and "newer" instead of "page 7 of 9").

export const PAGE_SIZE = 50;

/** created_at as cursor text, with Postgres' microseconds. */
export const atText = sql<string>`to_char(${executions.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

const listColumns = {
  id: executions.id,
  flowId: executions.flowId,
  flowVersion: executions.flowVersion,
  status: executions.status,
  triggerType: executions.triggerType,
  dryRun: executions.dryRun,
  attempt: executions.attempt,
  rerunOf: executions.rerunOf,
  errorMessage: executions.errorMessage,
  startedAt: executions.startedAt,
  completedAt: executions.completedAt,
  durationMs: executions.durationMs,
  createdAt: executions.createdAt,
  cursorAt: atText,
};

export type ExecutionListRow = {
  id: string;
  flowId: string;
  flowVersion: number;
  status: string;
  triggerType: string;
  dryRun: boolean;
  attempt: number;
  rerunOf: string | null;
  errorMessage: string | null;
  startedAt: Date | null;
  completedAt: Date | null;
  durationMs: number | null;
  createdAt: Date;
  cursorAt: string;
};

export interface ExecutionPage {
  rows: ExecutionListRow[];
  /** For ?before= — the page of older runs, if there is one. */
  olderCursor: string | null;
  /** For ?after= — the page of newer runs, if this is not the first page. */
  newerCursor: string | null;
}

function filterConditions(workspaceId: string, params: ExecutionListParams, now: Date): SQL[] {
  const conditions: SQL[] = [eq(executions.workspaceId, workspaceId)];
  if (params.flow) conditions.push(eq(executions.flowId, params.flow));
  if (params.status?.length === 1) conditions.push(eq(executions.status, params.status[0]));
  else if (params.status?.length) conditions.push(inArray(executions.status, params.status));
  const { since, until } = timeWindow(params, now);
  if (since) conditions.push(gte(executions.createdAt, since));
  if (until) conditions.push(lt(executions.createdAt, until));
  return conditions;
}

// Postgres turns the row comparison into a range on any index that starts with created_at
// (after the equality columns). A second, plain bound on created_at would only make the planner
// count the same condition twice and underestimate the rows (measured: it then sorted all).
export const beforeCursor = (c: Cursor) => sql`(${executions.createdAt}, ${executions.id}) < (${c.at}::timestamptz, ${c.id}::uuid)`;
const afterCursor = (c: Cursor) => sql`(${executions.createdAt}, ${executions.id}) > (${c.at}::timestamptz, ${c.id}::uuid)`;

/** The query for one page, as a builder (the benchmark EXPLAINs exactly this). */
export function pageQuery(tx: Queryable, workspaceId: string, params: ExecutionListParams, now: Date, limit = PAGE_SIZE) {
  const conditions = filterConditions(workspaceId, params, now);
  const newer = Boolean(params.after);
  if (params.before) conditions.push(beforeCursor(params.before));
  if (params.after) conditions.push(afterCursor(params.after));
  // NULLS LAST as the indexes are declared (drizzle's .desc() writes it): a plain DESC means
  // NULLS FIRST, which no index matches, and the planner then sorts (or walks created_at alone).
  const order = newer
    ? [sql`${executions.createdAt} asc nulls first`, sql`${executions.id} asc nulls first`]
    : [sql`${executions.createdAt} desc nulls last`, sql`${executions.id} desc nulls last`];
  return tx
    .select(listColumns)
    .from(executions)
    .where(and(...conditions))
    .orderBy(...order)
    .limit(limit + 1);
}

const cursorOf = (row: ExecutionListRow) => encodeCursor({ at: row.cursorAt, id: row.id });

export async function listExecutionPage(
  tx: Tx,
  workspaceId: string,
  params: ExecutionListParams,
  now = new Date(),
  limit = PAGE_SIZE,
): Promise<ExecutionPage> {
  const fetched = (await pageQuery(tx, workspaceId, params, now, limit)) as ExecutionListRow[];
  const more = fetched.length > limit;
  const rows = fetched.slice(0, limit);
  if (params.after) {
    // Reached the newest runs: show the first page, full, rather than a short one.
    if (!more) return listExecutionPage(tx, workspaceId, { ...params, after: undefined }, now, limit);
    rows.reverse();
    return { rows, olderCursor: cursorOf(rows[rows.length - 1]), newerCursor: cursorOf(rows[0]) };
  }
  const last = rows[rows.length - 1];
  return {
    rows,
    olderCursor: more && last ? cursorOf(last) : null,
    newerCursor: params.before && rows[0] ? cursorOf(rows[0]) : null,
  };
}

/** The workspace's flows for the filter and the rows' names. */
export async function listFlowNames(tx: Tx, workspaceId: string): Promise<{ id: string; name: string }[]> {
  return tx.select({ id: flows.id, name: flows.name }).from(flows).where(eq(flows.workspaceId, workspaceId)).orderBy(asc(flows.name), asc(flows.id));
}
