// Benchmark: the dashboard's and the health page's queries at a million executions, on
// PostgreSQL (not a test; prints numbers and ratios, asserts no timings).
// Run: npx tsx bench/insights.ts
//   BENCH_DATABASE_URL      server to create a throw-away database on (default postgres://postgres:postgres@127.0.0.1:5432/postgres)
//   BENCH_EXECUTIONS=1000000 executions spread over the last 30 days
//   BENCH_FLOWS=200          flows they belong to (one HTTP action each, made through createFlow)
//   BENCH_REPEATS=7          timed runs of each query (the median is printed)
//
// 1. Inserts the executions in chunks with one INSERT … SELECT generate_series each; the
//    trigger on executions fills the hourly rollup as they arrive. The same chunk size is also
//    timed with the trigger disabled (rows deleted again), which is what the rollup costs.
// 2. Times each query of the two pages as the workspace owner (withUser, so RLS is included).
// 3. Times the rollup's answers against the same answers computed from executions directly
//    (24 h error rate per flow, 30-day daily chart of one flow and of the workspace) and checks
//    both give the same numbers.
// 4. Times the cards and the health table again after swapping, in this throw-away database
//    only, the migrated set-based read policies back to the earlier per-row has_role() form
//    (what the policy migration rls_membership_sets bought).
import { sql } from "drizzle-orm";
import { listFlows, createFlow } from "../lib/flows/flow-store";
import { withUser } from "../lib/db/scope";
import { queryRows, type Db, type Tx } from "../lib/db/types";
import { flowActivity, flowDailyCounts } from "../lib/insights/flow-activity";
import { flowHealthRows } from "../lib/insights/flow-health-rows";
import { onboardingFacts } from "../lib/insights/onboarding";
import { recentExecutions } from "../lib/insights/recent-executions";
import { last24HoursStart } from "../lib/insights/windows";
import { seriesStart } from "../lib/insights/daily-series";
import { workspaceStats } from "../lib/insights/workspace-stats";
import { configureRuntime, createBenchDatabase, type BenchDatabase } from "./support/db";
import { codeVersion, int, machine, ms, summary } from "./support/stats";

const EXECUTIONS = Number(process.env.BENCH_EXECUTIONS ?? 1_000_000);
const FLOWS = Number(process.env.BENCH_FLOWS ?? 200);
const REPEATS = Number(process.env.BENCH_REPEATS ?? 7);
const CHUNK = 100_000;

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: Awaited<T> }> {
  const started = performance.now();
  const value = await fn();
  return { ms: performance.now() - started, value };
}

/** Median of REPEATS runs after one warm-up run (plans and caches are warm, as on a busy server). */
async function median<T>(fn: () => Promise<T>): Promise<{ median: number; p95: number; value: Awaited<T> }> {
  let value = await fn();
  const times: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    const run = await timed(fn);
    times.push(run.ms);
    value = run.value;
  }
  const s = summary(times);
  return { median: s.median, p95: s.p95, value };
}

// Statuses: flow n fails with probability 2% + (n % 10) * 3% (2% … 29%), 1% are cancelled; the
// newest few hundred are queued, running or retrying, as on a live system.
function insertChunk(db: Db, workspaceId: string, from: number, count: number, flowVersion = 1) {
  // Volatile values are drawn in the innermost select, once per row (an uncorrelated lateral
  // subquery would be evaluated once for the whole statement).
  return db.execute(sql`
    insert into executions (workspace_id, flow_id, flow_version, trigger_type, status, created_at, started_at, completed_at, duration_ms, records_processed)
    select ${workspaceId}::uuid, s.flow_id, ${flowVersion}::int, (array['webhook','schedule','manual'])[1 + s.g % 3], s.status, s.created_at, s.created_at,
           case when s.status in ('succeeded', 'failed', 'cancelled') then s.created_at + make_interval(secs => s.ms / 1000.0) end,
           case when s.status in ('succeeded', 'failed', 'cancelled') then s.ms end,
           case when s.status = 'succeeded' then 1 else 0 end
      from (
        select x.*, f.id as flow_id, case
            when x.created_at > now() - interval '2 minutes' then (array['queued','running','retrying'])[1 + x.g % 3]
            when x.r < 0.02 + (f.n % 10) * 0.03 then 'failed'
            when x.r < 0.03 + (f.n % 10) * 0.03 then 'cancelled'
            else 'succeeded' end as status
          from (select g, now() - random() * interval '30 days' as created_at, (50 + random() * 2000)::int as ms, random() as r
                  from generate_series(${from}::int, ${from + count - 1}::int) g) x
          join (select id, (row_number() over (order by id) - 1)::int as n from flows where workspace_id = ${workspaceId}::uuid) f
            on f.n = x.g % ${FLOWS}::int
      ) s`);
}

async function seed(bench: BenchDatabase): Promise<string[]> {
  const db = bench.handle.db;
  console.log(`\n1. seeding: ${int(FLOWS)} flows, ${int(EXECUTIONS)} executions over 30 days`);
  const flowsMade = await timed(async () => {
    for (let i = 0; i < FLOWS; i++) {
      await createFlow(bench.actor, {
        name: `Flow ${String(i).padStart(3, "0")}`,
        active: i % 7 !== 0,
        trigger: i % 2 ? { type: "schedule", cron: "0 * * * *", timezone: "UTC" } : { type: "manual" },
        steps: [
          {
            key: "post",
            type: "action",
            connector: "http",
            action: "request",
            connection: null,
            input: { method: "POST", url: `https://example.com/in/${i}` },
          },
        ],
      });
    }
  });
  console.log(`  ${int(FLOWS)} flows through createFlow: ${ms(flowsMade.ms, 0)}`);

  const times: number[] = [];
  for (let from = 0; from < EXECUTIONS; from += CHUNK) {
    const count = Math.min(CHUNK, EXECUTIONS - from);
    const chunk = await timed(() => insertChunk(db, bench.actor.workspaceId, from, count));
    times.push(chunk.ms);
  }
  const total = times.reduce((a, b) => a + b, 0);
  console.log(`  inserted with the rollup trigger: ${ms(total, 0)} in all, ${(total / EXECUTIONS * 1000).toFixed(1)} µs per execution (${int(EXECUTIONS / (total / 1000))}/s), chunks of ${int(CHUNK)}`);

  // The same chunk without the trigger (marked flow_version 0, deleted again), three times:
  // what keeping the rollup costs. The machine is shared, so compare medians.
  const size = Math.min(CHUNK, EXECUTIONS);
  const withoutTimes: number[] = [];
  await db.execute(sql`alter table executions disable trigger executions_count_finished_insert, disable trigger executions_count_finished_update`);
  for (let i = 0; i < 3; i++) {
    withoutTimes.push((await timed(() => insertChunk(db, bench.actor.workspaceId, EXECUTIONS, size, 0))).ms);
    await db.execute(sql`delete from executions where flow_version = 0`);
  }
  await db.execute(sql`alter table executions enable trigger executions_count_finished_insert, enable trigger executions_count_finished_update`);
  const withTrigger = summary(times).median;
  const without = summary(withoutTimes).median;
  console.log(
    `  one chunk of ${int(size)}: ${ms(withTrigger, 0)} with the trigger (median of ${times.length}), ${ms(without, 0)} without (median of 3) — ` +
      `the rollup adds ${(((withTrigger - without) / size) * 1000).toFixed(1)} µs per execution (×${(withTrigger / without).toFixed(2)})`,
  );
  await db.execute(sql`vacuum analyze executions`);
  await db.execute(sql`vacuum analyze flow_hourly_stats`);
  const [{ executions, rollup }] = await queryRows<{ executions: number; rollup: number }>(
    db,
    sql`select (select count(*) from executions)::int as executions, (select count(*) from flow_hourly_stats)::int as rollup`,
  );
  console.log(`  rows: ${int(executions)} executions, ${int(rollup)} rollup rows (${(executions / rollup).toFixed(0)} executions per row)`);
  return (await listFlows(bench.actor)).map((f) => f.id);
}

type Row = [label: string, median: number, p95: number, note: string];
const printRows = (rows: Row[]) => {
  const width = Math.max(...rows.map((r) => r[0].length));
  for (const [label, m, p95, note] of rows) console.log(`  ${label.padEnd(width)}  ${ms(m, 2).padStart(11)}  (p95 ${ms(p95, 2)})  ${note}`);
};

async function pageQueries(bench: BenchDatabase, flowIds: string[]) {
  const { workspaceId } = bench.actor;
  const user = { userId: bench.actor.userId, email: bench.actor.email };
  const asOwner = <T>(fn: (tx: Tx) => Promise<T>) => withUser(user, fn);
  const busiest = flowIds[flowIds.length - 1];
  console.log(`\n2. the pages' queries as the owner (RLS on), median of ${REPEATS} after a warm-up`);
  const stats = await median(() => asOwner((tx) => workspaceStats(tx, workspaceId)));
  const recent = await median(() => asOwner((tx) => recentExecutions(tx, workspaceId)));
  const onboarding = await median(() => asOwner((tx) => onboardingFacts(tx, workspaceId, stats.value)));
  const flows = await median(() => listFlows(bench.actor));
  const health = await median(() => asOwner((tx) => flowHealthRows(tx, workspaceId)));
  const sheet = await median(() => asOwner((tx) => flowActivity(tx, workspaceId, busiest)));
  const dashboard = await median(() =>
    asOwner(async (tx) => {
      const s = await workspaceStats(tx, workspaceId);
      await recentExecutions(tx, workspaceId);
      await onboardingFacts(tx, workspaceId, s);
    }),
  );
  const healthPage = await median(() =>
    asOwner(async (tx) => {
      await workspaceStats(tx, workspaceId);
      await flowHealthRows(tx, workspaceId);
    }),
  );
  const s = stats.value;
  printRows([
    ["workspaceStats (cards)", stats.median, stats.p95, `${int(s.succeeded24h + s.failed24h + s.cancelled24h)} finished in 24 h, ${int(s.unfinished)} under way, failure rate ${(100 * (s.failureRate ?? 0)).toFixed(1)}%`],
    ["recentExecutions (10)", recent.median, recent.p95, ""],
    ["onboardingFacts", onboarding.median, onboarding.p95, ""],
    ["listFlows (toggle list)", flows.median, flows.p95, `${int(flows.value.length)} flows`],
    ["flowHealthRows (table)", health.median, health.p95, `${int(health.value.length)} rows: ${["error", "warning", "healthy", "idle"].map((h) => `${health.value.filter((r) => r.health === h).length} ${h}`).join(", ")}`],
    ["flowActivity (sheet)", sheet.median, sheet.p95, `${sheet.value.runs.length} runs + ${sheet.value.days.length} days`],
    ["dashboard, one transaction", dashboard.median, dashboard.p95, "stats + recent + onboarding (listFlows apart)"],
    ["health page, one transaction", healthPage.median, healthPage.p95, "stats + table"],
  ]);
  return { health: health.value, busiest };
}

async function rollupVersusDirect(bench: BenchDatabase, busiest: string) {
  const db = bench.handle.db;
  const { workspaceId } = bench.actor;
  const since = last24HoursStart(new Date());
  const since30 = seriesStart(new Date());
  console.log(`\n3. the rollup against the same answer computed from executions (as the table owner, no RLS, median of ${REPEATS})`);

  type Rate = { flow_id: string; succeeded: number; failed: number };
  const key = (rows: Rate[]) => JSON.stringify([...rows].sort((a, b) => a.flow_id.localeCompare(b.flow_id)).map((r) => [r.flow_id, Number(r.succeeded), Number(r.failed)]));
  const rateRollup = await median(() =>
    queryRows<Rate>(db, sql`select flow_id, sum(succeeded)::int as succeeded, sum(failed)::int as failed from flow_hourly_stats
      where workspace_id = ${workspaceId} and hour >= ${since.toISOString()}::timestamptz group by flow_id`),
  );
  // The same 24 hourly buckets: executions that completed since the first bucket began.
  const rateDirect = await median(() =>
    queryRows<Rate>(db, sql`select flow_id, count(*) filter (where status = 'succeeded')::int as succeeded, count(*) filter (where status = 'failed')::int as failed
      from executions where workspace_id = ${workspaceId} and not dry_run and status in ('succeeded', 'failed', 'cancelled')
       and completed_at >= ${since.toISOString()}::timestamptz group by flow_id`),
  );

  type Day = { day: string; runs: number; errors: number };
  const days = (rows: Day[]) => JSON.stringify([...rows].sort((a, b) => a.day.localeCompare(b.day)).map((r) => [r.day, Number(r.runs), Number(r.errors)]));
  const flowRollup = await median(() => flowDailyCounts(db, workspaceId, busiest));
  const flowDirect = await median(() =>
    queryRows<Day>(db, sql`select to_char(completed_at at time zone 'UTC', 'YYYY-MM-DD') as day, count(*)::int as runs, count(*) filter (where status = 'failed')::int as errors
      from executions where flow_id = ${busiest} and not dry_run and status in ('succeeded', 'failed', 'cancelled')
       and completed_at >= ${since30.toISOString()}::timestamptz group by 1`),
  );
  const wsRollup = await median(() =>
    queryRows<Day>(db, sql`select to_char(hour at time zone 'UTC', 'YYYY-MM-DD') as day, sum(succeeded + failed + cancelled)::int as runs, sum(failed)::int as errors
      from flow_hourly_stats where workspace_id = ${workspaceId} and hour >= ${since30.toISOString()}::timestamptz group by 1`),
  );
  const wsDirect = await median(() =>
    queryRows<Day>(db, sql`select to_char(completed_at at time zone 'UTC', 'YYYY-MM-DD') as day, count(*)::int as runs, count(*) filter (where status = 'failed')::int as errors
      from executions where workspace_id = ${workspaceId} and not dry_run and status in ('succeeded', 'failed', 'cancelled')
       and completed_at >= ${since30.toISOString()}::timestamptz group by 1`),
  );
  const flowRollupDays = flowRollup.value.filter((d) => d.runs > 0);
  const same = {
    rate: key(rateRollup.value) === key(rateDirect.value),
    flow: days(flowRollupDays) === days(flowDirect.value),
    workspace: days(wsRollup.value) === days(wsDirect.value),
  };
  const line = (label: string, rollup: { median: number }, direct: { median: number }, equal: boolean) =>
    console.log(
      `  ${label.padEnd(34)} rollup ${ms(rollup.median, 2).padStart(10)}   executions ${ms(direct.median, 2).padStart(10)}   ×${(direct.median / rollup.median).toFixed(0).padStart(4)}   ${equal ? "same numbers" : "DIFFERENT NUMBERS"}`,
    );
  line("24 h error rate, every flow", rateRollup, rateDirect, same.rate);
  line("30-day chart, one flow", flowRollup, flowDirect, same.flow);
  line("30-day chart, whole workspace", wsRollup, wsDirect, same.workspace);
  return same.rate && same.flow && same.workspace;
}

// The pages' reads used to cost mostly row-level security: each select policy called
// junction.has_role(workspace_id, 'viewer') once per row it examined (a security-definer SQL
// function is never inlined). The policies now test the row's workspace against the user's
// set of workspaces, computed once per statement (migration rls_membership_sets). In this
// throw-away database only, the read policies of the tables the pages read are put back into
// the per-row form, to show what the migration bought.
async function perRowPolicies(bench: BenchDatabase) {
  const db = bench.handle.db;
  const { workspaceId } = bench.actor;
  const user = { userId: bench.actor.userId, email: bench.actor.email };
  const asOwner = <T>(fn: (tx: Tx) => Promise<T>) => withUser(user, fn);
  const before = {
    stats: await median(() => asOwner((tx) => workspaceStats(tx, workspaceId))),
    health: await median(() => asOwner((tx) => flowHealthRows(tx, workspaceId))),
  };
  for (const table of ["flow_hourly_stats", "executions", "flows", "flow_steps", "alerts", "connections"]) {
    await db.execute(sql.raw(`alter policy ${table}_select on public.${table} using (junction.has_role(workspace_id, 'viewer'))`));
  }
  const after = {
    stats: await median(() => asOwner((tx) => workspaceStats(tx, workspaceId))),
    health: await median(() => asOwner((tx) => flowHealthRows(tx, workspaceId))),
  };
  const same = JSON.stringify(before.health.value.map((r) => [r.id, r.health])) === JSON.stringify(after.health.value.map((r) => [r.id, r.health]));
  console.log(`\n4. row-level security: the set-based policies (as migrated) vs has_role() per row (the earlier form; this database only), median of ${REPEATS}`);
  console.log(`  workspaceStats   ${ms(before.stats.median, 2).padStart(10)} vs ${ms(after.stats.median, 2).padStart(10)} per row   ×${(after.stats.median / before.stats.median).toFixed(1)}`);
  console.log(`  flowHealthRows   ${ms(before.health.median, 2).padStart(10)} vs ${ms(after.health.median, 2).padStart(10)} per row   ×${(after.health.median / before.health.median).toFixed(1)}   ${same ? "same rows" : "DIFFERENT ROWS"}`);
  return same;
}

async function main() {
  console.log(`insights benchmark — ${machine()}, code ${codeVersion()}`);
  configureRuntime([]);
  const bench = await createBenchDatabase({ max: 4 });
  let ok = false;
  try {
    const flowIds = await seed(bench);
    const { busiest } = await pageQueries(bench, flowIds);
    ok = await rollupVersusDirect(bench, busiest);
    ok = (await perRowPolicies(bench)) && ok;
  } finally {
    await bench.close();
  }
  if (!ok) {
    console.log("\nA check failed: the rollup and the executions disagree, or the policies changed the answer (see above).");
    process.exitCode = 1;
  }
}

await main();
