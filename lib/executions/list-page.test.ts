// The executions list's keyset pages on a real database (PGlite, or the server with
// TEST_DATABASE_URL): every row exactly once walking older and back newer, ties on created_at
// broken by id (down to the microsecond), filters narrowing, and nothing of another workspace.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { ensureAuthUser } from "@/lib/db/queries/users";
import { createWorkspace } from "@/lib/db/queries/workspaces";
import { executions, flows } from "@/lib/db/schema";
import { withUser } from "@/lib/db/scope";
import { openTestDatabase } from "@/lib/db/testing";
import type { DatabaseHandle } from "@/lib/db/types";
import { decodeCursor } from "./cursor";
import { listExecutionPage, listFlowNames, type ExecutionPage } from "./list-page";
import type { ExecutionListParams } from "./list-params";

let handle: DatabaseHandle;
const owner = { id: randomUUID(), email: "lists@example.com" };
const stranger = { id: randomUUID(), email: "stranger@example.com" };
let workspaceId: string;
let otherWorkspaceId: string;
let alpha: string;
let beta: string;
const NOW = new Date("2026-11-22T12:00:00.000Z");
// [label, flow, status, created_at] newest first; b1/b2 share a created_at, c1/c2 share a millisecond.
const ROWS = [
  ["a", "alpha", "running", "2026-11-22T11:59:00.000000Z"],
  ["b1", "beta", "failed", "2026-11-22T11:30:00.000000Z"],
  ["b2", "alpha", "succeeded", "2026-11-22T11:30:00.000000Z"],
  ["c1", "alpha", "failed", "2026-11-22T10:00:00.123900Z"],
  ["c2", "beta", "succeeded", "2026-11-22T10:00:00.123100Z"],
  ["d", "alpha", "retrying", "2026-11-20T09:00:00.000000Z"],
  ["e", "beta", "cancelled", "2026-11-01T00:00:00.000000Z"],
] as const;
const labelOf = new Map<string, string>();

async function insertFlow(ws: string, name: string) {
  const [row] = await handle.db
    .insert(flows)
    .values({ workspaceId: ws, name, triggerType: "manual", trigger: { type: "manual" } })
    .returning({ id: flows.id });
  return row.id;
}

beforeAll(async () => {
  handle = await openTestDatabase();
  await ensureAuthUser(handle.db, owner);
  await ensureAuthUser(handle.db, stranger);
  workspaceId = (await createWorkspace(handle.db, { name: "Lists", ownerId: owner.id })).id;
  otherWorkspaceId = (await createWorkspace(handle.db, { name: "Elsewhere", ownerId: stranger.id })).id;
  alpha = await insertFlow(workspaceId, "Alpha");
  beta = await insertFlow(workspaceId, "Beta");
  const foreignFlow = await insertFlow(otherWorkspaceId, "Foreign");
  for (const [label, flow, status, at] of ROWS) {
    // Ids chosen so that, of two rows with the same created_at, the later label sorts lower.
    const id = label === "b1" ? "ffffffff-0000-4000-8000-000000000000" : label === "b2" ? "00000000-0000-4000-8000-000000000000" : randomUUID();
    labelOf.set(id, label);
    await handle.db.insert(executions).values({
      id,
      workspaceId,
      flowId: flow === "alpha" ? alpha : beta,
      flowVersion: 1,
      triggerType: "manual",
      status,
      createdAt: sql`${at}::timestamptz` as unknown as Date,
    });
  }
  await handle.db.insert(executions).values({ workspaceId: otherWorkspaceId, flowId: foreignFlow, flowVersion: 1, triggerType: "manual", createdAt: NOW });
});
afterAll(() => handle?.close());

const page = (params: ExecutionListParams, limit = 3) =>
  withUser({ userId: owner.id, email: owner.email }, (tx) => listExecutionPage(tx, workspaceId, params, NOW, limit));
const labels = (p: ExecutionPage) => p.rows.map((r) => labelOf.get(r.id));
const cursor = (text: string | null) => {
  const decoded = text ? decodeCursor(text) : null;
  if (!decoded) throw new Error(`not a cursor: ${text}`);
  return decoded;
};

describe("listExecutionPage", () => {
  it("walks every row once, newest first, and back to the first page", async () => {
    const first = await page({});
    expect(labels(first)).toEqual(["a", "b1", "b2"]);
    expect(first.newerCursor).toBeNull();
    const second = await page({ before: cursor(first.olderCursor) });
    expect(labels(second)).toEqual(["c1", "c2", "d"]);
    const third = await page({ before: cursor(second.olderCursor) });
    expect(labels(third)).toEqual(["e"]);
    expect(third.olderCursor).toBeNull();

    const back = await page({ after: cursor(third.newerCursor) });
    expect(labels(back)).toEqual(["c1", "c2", "d"]);
    expect(back.olderCursor).not.toBeNull();
    // The newest page is always shown full, even when the step back is shorter than a page.
    const top = await page({ after: cursor(back.newerCursor) });
    expect(labels(top)).toEqual(["a", "b1", "b2"]);
    expect(top.newerCursor).toBeNull();
  });

  it("keeps microseconds in the cursor, so rows within the same millisecond are not skipped", async () => {
    const onePerPage = [];
    let params: ExecutionListParams = {};
    for (let i = 0; i < 10; i++) {
      const p = await page(params, 1);
      onePerPage.push(...labels(p));
      if (!p.olderCursor) break;
      params = { before: cursor(p.olderCursor) };
    }
    expect(onePerPage).toEqual(["a", "b1", "b2", "c1", "c2", "d", "e"]);
    expect(decodeCursor((await page({}, 3)).olderCursor!)?.at).toBe("2026-11-22T11:30:00.000000Z");
  });

  it("narrows by flow, by one or several statuses and by time", async () => {
    expect(labels(await page({ flow: beta }, 10))).toEqual(["b1", "c2", "e"]);
    expect(labels(await page({ status: ["failed"] }, 10))).toEqual(["b1", "c1"]);
    expect(labels(await page({ status: ["failed", "retrying"], flow: alpha }, 10))).toEqual(["c1", "d"]);
    expect(labels(await page({ range: "1h" }, 10))).toEqual(["a", "b1", "b2"]);
    expect(labels(await page({ range: "7d" }, 10))).toEqual(["a", "b1", "b2", "c1", "c2", "d"]);
    expect(labels(await page({ range: "custom", from: "2026-11-01", to: "2026-11-20" }, 10))).toEqual(["d", "e"]);
    const filtered = await page({ flow: alpha }, 2);
    expect(labels(filtered)).toEqual(["a", "b2"]);
    expect(labels(await page({ flow: alpha, before: cursor(filtered.olderCursor) }, 2))).toEqual(["c1", "d"]);
  });

  it("shows nothing of another workspace, even when asked for it", async () => {
    const all = await page({}, 50);
    expect(all.rows).toHaveLength(ROWS.length);
    const foreign = await withUser({ userId: owner.id, email: owner.email }, (tx) => listExecutionPage(tx, otherWorkspaceId, {}, NOW));
    expect(foreign.rows).toEqual([]);
    const names = await withUser({ userId: owner.id, email: owner.email }, (tx) => listFlowNames(tx, workspaceId));
    expect(names.map((f) => f.name)).toEqual(["Alpha", "Beta"]);
  });
});
