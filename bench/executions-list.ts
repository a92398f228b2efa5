// Executions list benchmark: 1,000,000 executions (4 flows, every status, 30 days) on the
// PostgreSQL server, then the list's queries exactly as the page runs them (lib/executions/
// list-page.ts, through withUser, so row-level security is in the plan): the first page,
// filtered by flow, by status (common, rare, several), by time, and a deep page reached by
// cursor — median and p95 of 30 runs each. A second, small workspace (2 % as many rows, same
// owner) shows a tenant whose rows are a sliver of the table, and each query's EXPLAIN (ANALYZE, BUFFERS) to show
// which index it uses. OFFSET at the same depth is printed for contrast.
// Run: npx tsx bench/executions-list.ts   (BENCH_LIST_ROWS to change the row count)
import postgres from "postgres";
import { createWorkspace } from "../lib/db/queries/workspaces";
import { flows } from "../lib/db/schema";
import { withUser } from "../lib/db/scope";
import { decodeCursor } from "../lib/executions/cursor";
import { listExecutionPage, pageQuery } from "../lib/executions/list-page";
import type { ExecutionListParams } from "../lib/executions/list-params";
import { createBenchDatabase } from "./support/db";
import { codeVersion, int, machine, ms, summary } from "./support/stats";

const ROWS = Number(process.env.BENCH_LIST_ROWS ?? 1_000_000);
const RUNS = 30;
const BATCH = 100_000;

// Rows spread evenly over the last 30 days; flows weighted 50/30/10/10 %; statuses
// 85 % succeeded, 10 % failed, 2 % cancelled, 1 % each retrying, running, queued.
// Triggers (the hourly rollup, foreign keys) are off for the load: the rows are consistent.
async function load(raw: postgres.Sql, workspaceId: string, flowIds: string[], rows: number) {
  await raw.begin(async (tx) => {
    await tx`set local session_replication_role = replica`;
    for (let start = 0; start < rows; start += BATCH) {
      const end = Math.min(rows, start + BATCH) - 1;
      await tx`
        insert into executions (workspace_id, flow_id, flow_version, status, trigger_type, trigger_payload, attempt,
                                started_at, completed_at, duration_ms, created_at, updated_at)
        select ${workspaceId}::uuid,
               (${flowIds}::uuid[])[case when i % 10 < 5 then 1 when i % 10 < 8 then 2 when i % 10 = 8 then 3 else 4 end],
               1,
               case when r < 0.85 then 'succeeded' when r < 0.95 then 'failed' when r < 0.97 then 'cancelled'
                    when r < 0.98 then 'retrying' when r < 0.99 then 'running' else 'queued' end,
               case when i % 3 = 0 then 'webhook' when i % 3 = 1 then 'schedule' else 'manual' end,
               jsonb_build_object('body', jsonb_build_object('n', i)),
               1, at, at + interval '1 second', 1000, at, at
          from (select i, random() as r,
                       now() - (i::float8 / ${rows}) * interval '30 days' - random() * interval '1 second' as at
                  from generate_series(${start}::int, ${end}::int) as i) s`;
      process.stdout.write(`  loaded ${int(end + 1)} rows\r`);
    }
  });
}

async function main() {
  console.log(`Executions list benchmark — ${machine()}, code ${codeVersion()}`);
  const db = await createBenchDatabase({ max: 2 });
  const raw = postgres(db.url, { max: 1, onnotice: () => {} });
  try {
    const { actor } = db;
    const flowRows = await db.handle.db
      .insert(flows)
      .values(["Orders to ledger", "Stripe to Slack", "Nightly sync", "GitHub to Notion"].map((name) => ({
        workspaceId: actor.workspaceId,
        name,
        triggerType: "manual" as const,
        trigger: { type: "manual" },
      })))
      .returning({ id: flows.id });
    const flowIds = flowRows.map((f) => f.id);

    const loadStarted = performance.now();
    await load(raw, actor.workspaceId, flowIds, ROWS);
    const small = await createWorkspace(db.handle.db, { name: "Small tenant", ownerId: actor.userId });
    const [smallFlow] = await db.handle.db
      .insert(flows)
      .values({ workspaceId: small.id, name: "Small flow", triggerType: "manual", trigger: { type: "manual" } })
      .returning({ id: flows.id });
    const smallRows = Math.max(1000, Math.floor(ROWS / 50));
    await load(raw, small.id, [smallFlow.id, smallFlow.id, smallFlow.id, smallFlow.id], smallRows);
    await raw`vacuum analyze executions`;
    console.log(`\nLoaded ${int(ROWS)} + ${int(smallRows)} executions in ${((performance.now() - loadStarted) / 1000).toFixed(1)} s (with vacuum analyze).`);

    const deepAt = Math.floor(ROWS * 0.9);
    const [deep] = await raw<{ id: string; at: string }[]>`
      select id, to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at
        from executions where workspace_id = ${actor.workspaceId} order by created_at desc, id desc offset ${deepAt} limit 1`;
    const [deepOfFlow] = await raw<{ id: string; at: string }[]>`
      select id, to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at
        from executions where flow_id = ${flowIds[3]} order by created_at desc, id desc offset ${Math.floor(ROWS * 0.09)} limit 1`;

    const [smallDeep] = await raw<{ id: string; at: string }[]>`
      select id, to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at
        from executions where workspace_id = ${small.id} order by created_at desc, id desc offset ${Math.floor(smallRows * 0.9)} limit 1`;

    const cases: { name: string; params: ExecutionListParams; workspaceId?: string }[] = [
      { name: "first page, no filter", params: {} },
      { name: "filtered by flow (10 % of rows)", params: { flow: flowIds[3] } },
      { name: "filtered by status failed (10 %)", params: { status: ["failed"] } },
      { name: "filtered by status running (1 %)", params: { status: ["running"] } },
      { name: "filtered by status failed + retrying", params: { status: ["failed", "retrying"] } },
      { name: "last 24 hours", params: { range: "24h" } },
      { name: "flow + failed + last 7 days", params: { flow: flowIds[0], status: ["failed"], range: "7d" } },
      { name: `deep page by cursor (row ${int(deepAt)})`, params: { before: { at: deep.at, id: deep.id } } },
      { name: "deep page by cursor, filtered by flow", params: { flow: flowIds[3], before: { at: deepOfFlow.at, id: deepOfFlow.id } } },
      { name: `small workspace (${int(smallRows)} rows): first page`, params: {}, workspaceId: small.id },
      { name: "small workspace: status failed", params: { status: ["failed"] }, workspaceId: small.id },
      { name: "small workspace: deep page by cursor", params: { before: { at: smallDeep.at, id: smallDeep.id } }, workspaceId: small.id },
    ];

    const now = new Date();
    console.log(`\nEach query ${RUNS} times through withUser (RLS on), 50 rows a page:`);
    console.log("| query | median | p95 | rows | older page |");
    console.log("|---|---|---|---|---|");
    for (const c of cases) {
      const times: number[] = [];
      let last = { rows: 0, older: false };
      for (let i = 0; i < RUNS; i++) {
        const started = performance.now();
        const page = await withUser({ userId: actor.userId, email: actor.email }, (tx) => listExecutionPage(tx, c.workspaceId ?? actor.workspaceId, c.params, now));
        times.push(performance.now() - started);
        last = { rows: page.rows.length, older: Boolean(page.olderCursor && decodeCursor(page.olderCursor)) };
      }
      const s = summary(times);
      console.log(`| ${c.name} | ${ms(s.median, 2)} | ${ms(s.p95, 2)} | ${last.rows} | ${last.older ? "yes" : "no"} |`);
    }

    // OFFSET at the same depth, for contrast (what the keyset avoids).
    const offsetTimes: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      await raw`select id from executions where workspace_id = ${actor.workspaceId} order by created_at desc, id desc offset ${deepAt} limit 50`;
      offsetTimes.push(performance.now() - started);
    }
    console.log(`| (contrast) OFFSET ${int(deepAt)} without RLS, 5 runs | ${ms(summary(offsetTimes).median, 2)} | ${ms(summary(offsetTimes).p95, 2)} | 50 | — |`);

    console.log("\nPlans (EXPLAIN (ANALYZE, BUFFERS, COSTS OFF), as the signed-in user):");
    for (const c of cases) {
      const query = pageQuery(db.handle.db, c.workspaceId ?? actor.workspaceId, c.params, now).toSQL();
      const plan = await raw.begin(async (tx) => {
        const claims = JSON.stringify({ sub: actor.userId, role: "authenticated", email: actor.email });
        await tx`select set_config('request.jwt.claims', ${claims}, true), set_config('role', 'authenticated', true)`;
        return tx.unsafe(`explain (analyze, buffers, costs off) ${query.sql}`, query.params as postgres.ParameterOrJSON<never>[]);
      });
      console.log(`\n-- ${c.name}`);
      for (const row of plan) console.log(`   ${String(row["QUERY PLAN"])}`);
    }
  } finally {
    await raw.end();
    await db.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
