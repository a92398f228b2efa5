// Benchmark: the flow engine on PostgreSQL (not a test; prints numbers and ratios, asserts no timings).
// Run: npx tsx bench/engine.ts
//   BENCH_DATABASE_URL   server to create a throw-away database on (default postgres://postgres:postgres@127.0.0.1:5432/postgres)
//   BENCH_STEPS=10       steps of the overhead flow (transform/filter, no remote call)
//   BENCH_OVERHEAD_RUNS=300  executions per overhead flow
//   BENCH_EXECUTIONS=3000    executions per throughput round (5000 takes about 3 min at today's speed)
//   BENCH_CONCURRENCY=4,8,16 drain concurrencies
//   BENCH_ROLLUP_TRIGGER=off disable the flow_hourly_stats trigger in the throw-away database (an experiment: its cost)
//
// (a) Per-step overhead: executions of flows of 1 and N transform/filter steps are claimed and
//     run one at a time, the two flows alternating; per-step time = (claim + run) / steps. The
//     slope between the two flows splits it into a fixed cost per execution and a cost per step.
// (b) Throughput: a 3-step flow (transform → HTTP POST to a local sink → transform); executions
//     are enqueued in bulk and drained with drainQueue at several concurrencies, beside the raw
//     single-row insert rate of the same database at the same concurrency. Every execution must
//     end succeeded exactly once and the sink must get exactly one request per execution.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { createFlow } from "../lib/flows/flow-store";
import { drainQueue } from "../lib/engine/drain";
import { claimExecutions, enqueueExecution } from "../lib/engine/queue";
import { runExecution } from "../lib/engine/run-execution";
import type { Db } from "../lib/db/types";
import { configureRuntime, createBenchDatabase, type BenchDatabase } from "./support/db";
import { cpuBetween, cpuSample, describeCores } from "./support/probes";
import { startServers, type BenchServers } from "./support/servers";
import { codeVersion, int, machine, ms, summary, verdict } from "./support/stats";

const STEPS = Number(process.env.BENCH_STEPS ?? 10);
const OVERHEAD_RUNS = Number(process.env.BENCH_OVERHEAD_RUNS ?? 300);
const EXECUTIONS = Number(process.env.BENCH_EXECUTIONS ?? 3000);
const CONCURRENCIES = (process.env.BENCH_CONCURRENCY ?? "4,8,16").split(",").map(Number).filter((n) => n > 0);
const ROLLUP_TRIGGER_OFF = process.env.BENCH_ROLLUP_TRIGGER === "off";
const TARGET_STEP_MS = 1;
const TARGET_PER_SECOND = 500;
const RAW_INSERT_BUDGET_MS = 3_000;
const DRAIN_BUDGET_MS = 120_000;

function overheadSteps(count: number) {
  return Array.from({ length: count }, (_, i) =>
    i % 2 === 1
      ? { key: `f${i}`, type: "filter", condition: "trigger.body.n >= 0 and trigger.body.user.email != ''" }
      : {
          key: `t${i}`,
          type: "transform",
          mapping: {
            fields: {
              n: "trigger.body.n",
              email: { from: "trigger.body.user.email", transforms: [{ type: "trim" }, { type: "lowercase" }] },
              total: "$sum(trigger.body.items.price)",
            },
          },
        },
  );
}

const payload = (n: number) => ({
  body: { n, id: 1000 + n, user: { email: ` Ada${n}@Example.COM ` }, items: [{ price: 3 }, { price: 4.5 }] },
  headers: {},
  query: {},
});

async function enqueueMany(db: Db, bench: BenchDatabase, flowId: string, count: number): Promise<string[]> {
  // One transaction, one statement per execution, through the engine's own enqueue.
  return db.transaction(async (tx) => {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const row = await enqueueExecution(tx, {
        workspaceId: bench.actor.workspaceId,
        flowId,
        flowVersion: 1,
        triggerType: "manual",
        payload: payload(i),
      });
      ids.push(row.id);
    }
    return ids;
  });
}

interface QueryCounter {
  total(): number;
  byKind(): { kind: string; count: number }[];
  reset(): void;
}

/** What a statement is, in a few words: the engine's own statements by name, others by verb and table. */
function kindOf(text: string): string {
  const q = text.replace(/\s+/g, " ").trim().toLowerCase();
  if (/for update skip locked/.test(q)) return `claim${/^with picked as/.test(q) ? " (one statement, returns the row)" : ""}`;
  if (/^with lease as/.test(q)) return "lease + step rows";
  if (/^with done as/.test(q)) return `finish + step rows${/update alerts/.test(q) ? " + alert" : ""}`;
  const write = /^(insert into|update|delete from) "?([a-z_]+)"?/.exec(q);
  const read = /^select .*? from "?([a-z_]+)"?/.exec(q);
  const kind = write ? `${write[1]} ${write[2]}` : read ? `select from ${read[1]}` : q.slice(0, 40);
  return `${kind}${/ on conflict /.test(q) ? " (upsert)" : ""}`;
}

/**
 * Counts every statement sent through the pool's postgres-js client: drizzle's and the
 * engine's own (lib/engine/hot-sql.ts) both call its unsafe(). Counted when sent, so that the
 * query object drizzle chains on (.values()) is left untouched. Transactions use reserved
 * connections and are not counted (the engine's run uses none).
 */
function countStatements(db: Db): QueryCounter {
  const client = (db as unknown as { $client: { unsafe: (text: string, ...rest: unknown[]) => unknown } }).$client;
  const counts = new Map<string, number>();
  const original = client.unsafe;
  client.unsafe = function (this: unknown, text: string, ...rest: unknown[]) {
    const kind = kindOf(text);
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
    return original.call(this, text, ...rest);
  };
  return {
    total: () => [...counts.values()].reduce((a, b) => a + b, 0),
    byKind: () => [...counts.entries()].map(([kind, count]) => ({ kind, count })).sort((a, b) => b.count - a.count),
    reset: () => counts.clear(),
  };
}

function statementList(queries: QueryCounter, executions: number): string {
  // "kind ×count per execution"
  return queries
    .byKind()
    .map((k) => `${k.kind} ×${(k.count / executions).toFixed(2)}`)
    .join(", ");
}

const OVERHEAD_WARMUP = 60;

async function perStepOverhead(bench: BenchDatabase, queries: QueryCounter) {
  const db = bench.handle.db;
  const owner = `bench:${randomUUID().slice(0, 8)}`;
  // Executions of the two flows alternate, so that load from elsewhere on the machine falls
  // on both alike and the fixed/marginal split stays meaningful.
  const flows = [];
  for (const steps of [1, STEPS]) {
    const flowId = (await createFlow(bench.actor, { name: `Overhead ${steps}`, trigger: { type: "manual" }, steps: overheadSteps(steps) })).row.id;
    const ids = await enqueueMany(db, bench, flowId, OVERHEAD_RUNS + OVERHEAD_WARMUP);
    flows.push({ steps, ids, total: [] as number[], claims: [] as number[], runs: [] as number[], nodeCpu: 0 });
  }
  let before = cpuSample();
  for (let i = 0; i < OVERHEAD_RUNS + OVERHEAD_WARMUP; i++) {
    if (i === OVERHEAD_WARMUP) {
      // Warm-up done: JIT, compiled templates, the cached flow versions, pool connections.
      queries.reset();
      before = cpuSample();
    }
    for (const flow of flows) {
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      const [execution] = await claimExecutions(db, { owner, limit: 1, ids: [flow.ids[i]] });
      const t1 = performance.now();
      const outcome = await runExecution(db, execution, { owner });
      const t2 = performance.now();
      const cpu = process.cpuUsage(cpu0);
      if (outcome !== "succeeded") throw new Error(`overhead run ended ${outcome}`);
      if (i < OVERHEAD_WARMUP) continue;
      flow.total.push(t2 - t0);
      flow.claims.push(t1 - t0);
      flow.runs.push(t2 - t1);
      flow.nodeCpu += (cpu.user + cpu.system) / 1000;
    }
  }
  const cpu = cpuBetween(before, cpuSample());
  const executions = OVERHEAD_RUNS * flows.length;
  const results = flows.map((f) => ({
    steps: f.steps,
    perExec: summary(f.total),
    perStep: summary(f.total.map((t) => t / f.steps)),
    claim: summary(f.claims).median,
    run: summary(f.runs).median,
    cpuNodeMs: f.nodeCpu / OVERHEAD_RUNS,
  }));

  console.log(`\n(a) per-step overhead — ${OVERHEAD_RUNS} executions per flow, one at a time, the two flows alternating; no remote call; time = claim + run`);
  for (const r of results) {
    console.log(
      `  ${String(r.steps).padStart(2)}-step flow: per execution median ${ms(r.perExec.median, 2)} (claim ${ms(r.claim, 2)}, run ${ms(r.run, 2)}), ` +
        `p95 ${ms(r.perExec.p95, 2)}, node CPU ${ms(r.cpuNodeMs, 2)}; per step median ${ms(r.perStep.median)}, p95 ${ms(r.perStep.p95)}`,
    );
  }
  const [one, many] = results;
  const marginal = (many.perExec.median - one.perExec.median) / (many.steps - one.steps);
  const fixed = one.perExec.median - marginal;
  console.log(
    `  split: fixed ${ms(fixed, 2)} per execution + marginal ${ms(marginal)} per step ` +
      `(node CPU: ${ms(one.cpuNodeMs - (many.cpuNodeMs - one.cpuNodeMs) / (many.steps - one.steps), 2)} + ${ms((many.cpuNodeMs - one.cpuNodeMs) / (many.steps - one.steps))} per step)`,
  );
  console.log(
    `  ${(queries.total() / executions).toFixed(1)} statements per execution (either flow), postgres CPU ${ms((cpu.postgres / executions) * 1000, 2)} per execution: ` +
      statementList(queries, executions),
  );
  console.log(`  CPU: ${describeCores(cpu)}`);
  console.log(
    `  target: per-step median < ${TARGET_STEP_MS} ms on PostgreSQL (${STEPS}-step flow): ${ms(many.perStep.median)} = ` +
      `${(many.perStep.median / TARGET_STEP_MS).toFixed(2)}× the target — ${verdict(many.perStep.median < TARGET_STEP_MS)}` +
      `; for the 1-step flow ${ms(one.perStep.median)} — ${verdict(one.perStep.median < TARGET_STEP_MS)}`,
  );
}

async function rawInsertRate(url: string, concurrency: number): Promise<number> {
  const sql = postgres(url, { max: concurrency, onnotice: () => {} });
  try {
    await sql`create table if not exists bench_rows (id bigserial primary key, payload jsonb not null, created_at timestamptz not null default now())`;
    const row = JSON.stringify(payload(1));
    // Warm the pool's connections and their prepared statement.
    await Promise.all(Array.from({ length: concurrency }, () => sql`insert into bench_rows (payload) values (${row}::jsonb)`));
    let inserted = 0;
    const started = performance.now();
    const deadline = started + RAW_INSERT_BUDGET_MS;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (performance.now() < deadline && inserted < EXECUTIONS * 2) {
          await sql`insert into bench_rows (payload) values (${row}::jsonb)`;
          inserted++;
        }
      }),
    );
    return (inserted / (performance.now() - started)) * 1000;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** utime + stime of a process in seconds (Linux /proc), 0 when it is gone. */
function processCpuSeconds(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/**
 * CPU seconds so far of each server process connected to this benchmark's database (the
 * pool's backends), by pid. Other sessions on the shared server have databases of their own,
 * so this leaves their load out; the WAL writer and other shared server processes are left
 * out too (they serve everyone).
 */
async function backendCpu(check: postgres.Sql): Promise<Map<number, number>> {
  const rows = await check<{ pid: number }[]>`select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`;
  return new Map(rows.map((r) => [r.pid, processCpuSeconds(r.pid)]));
}

function backendSecondsBetween(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, seconds] of after) total += Math.max(0, seconds - (before.get(pid) ?? 0));
  return total;
}

async function throughput(bench: BenchDatabase, servers: BenchServers, queries: QueryCounter) {
  const db = bench.handle.db;
  const check = postgres(bench.url, { max: 1, onnotice: () => {} });
  const flowId = (
    await createFlow(bench.actor, {
      name: "Orders to ledger",
      trigger: { type: "manual" },
      steps: [
        { key: "shape", type: "transform", mapping: { fields: { orderId: "$string(trigger.body.id)", email: "$lowercase($trim(trigger.body.user.email))" } } },
        {
          key: "post",
          type: "action",
          connector: "http",
          action: "request",
          connection: null,
          input: { method: "POST", url: `${servers.sinkOrigin}/entries`, body: { orderId: "{{ steps.shape.output.orderId }}", email: "{{ steps.shape.output.email }}" } },
        },
        { key: "result", type: "transform", mapping: { fields: { ledger: "steps.post.output.id" } } },
      ],
    })
  ).row.id;

  // Warm-up round (JIT, connections, compiled templates), not reported.
  await enqueueMany(db, bench, flowId, 300);
  await drainQueue(db, { concurrency: 4, budgetMs: DRAIN_BUDGET_MS });

  console.log(`\n(b) throughput — 3-step flow (transform → HTTP POST to a local sink → transform), ${int(EXECUTIONS)} executions per round`);
  const rows: { concurrency: number; perSecond: number; raw: number; ok: boolean }[] = [];
  for (const concurrency of CONCURRENCIES) {
    const raw = await rawInsertRate(bench.url, concurrency);
    const ids = await enqueueMany(db, bench, flowId, EXECUTIONS);
    await servers.reset();
    queries.reset();
    const backendsBefore = await backendCpu(check);
    const before = cpuSample(servers.pid);
    const started = performance.now();
    const report = await drainQueue(db, { concurrency, budgetMs: DRAIN_BUDGET_MS });
    const seconds = (performance.now() - started) / 1000;
    const cpu = cpuBetween(before, cpuSample(servers.pid));
    const ownPostgres = backendSecondsBetween(backendsBefore, await backendCpu(check));
    const perSecond = report.ran / seconds;
    const cpuPerExecution = ((cpu.node + cpu.postgres + cpu.child) / Math.max(1, report.ran)) * 1000;
    const ownCpuPerExecution = ((cpu.node + ownPostgres + cpu.child) / Math.max(1, report.ran)) * 1000;
    const statements = queries.total() / Math.max(1, report.ran);

    // Exactly once: every execution ran once and ended succeeded, three step rows each,
    // and the sink saw each execution's idempotency key exactly once.
    const statuses = await check<{ status: string; n: number }[]>`
      select status, count(*)::int as n from executions where id = any(${ids}::uuid[]) group by status`;
    const [{ n: stepRows }] = await check<{ n: number }[]>`
      select count(*)::int as n from execution_steps where execution_id = any(${ids}::uuid[]) and status = 'succeeded'`;
    const sink = await servers.stats();
    const keys = sink.keys ?? {};
    const once = ids.filter((id) => keys[`${id}:post`] === 1).length;
    const succeeded = statuses.find((s) => s.status === "succeeded")?.n ?? 0;
    const ok =
      report.ran === EXECUTIONS && report.outcomes.succeeded === EXECUTIONS && succeeded === EXECUTIONS && stepRows === 3 * EXECUTIONS &&
      sink.requests === EXECUTIONS && once === EXECUTIONS;
    rows.push({ concurrency, perSecond, raw, ok });

    console.log(
      `  concurrency ${String(concurrency).padStart(2)}: ${int(perSecond).padStart(5)} executions/s (${seconds.toFixed(1)} s)   ` +
        `raw single-row inserts ${int(raw).padStart(6)}/s   engine/raw ${(perSecond / raw).toFixed(3)}   ` +
        `target ${TARGET_PER_SECOND}/s: ${(perSecond / TARGET_PER_SECOND).toFixed(2)}× — ${verdict(perSecond >= TARGET_PER_SECOND)}`,
    );
    console.log(
      `      checks: ran ${report.ran}, outcomes ${JSON.stringify(report.outcomes)}, statuses ${statuses.map((s) => `${s.status} ${s.n}`).join(", ")}, ` +
        `step rows ${stepRows}/${3 * EXECUTIONS}, sink requests ${sink.requests} (keys seen exactly once ${once}/${EXECUTIONS}, TCP connections ${sink.connections}) — ${ok ? "ok" : "FAILED"}`,
    );
    console.log(`      CPU: ${describeCores(cpu, "sink")}`);
    console.log(
      `      CPU per execution: node ${ms((cpu.node / report.ran) * 1000, 2)}, postgres ${ms((cpu.postgres / report.ran) * 1000, 2)}, ` +
        `sink ${ms((cpu.child / report.ran) * 1000, 2)} = ${ms(cpuPerExecution, 2)} → with all ${os.cpus().length} cores to itself at most ` +
        `~${int((os.cpus().length * 1000) / cpuPerExecution)} executions/s`,
    );
    console.log(
      `      postgres counting only this database's backends ${ms((ownPostgres / report.ran) * 1000, 2)} per execution ` +
        `(the figure above counts every postgres process, other sessions' databases included) → node + these backends + sink ` +
        `${ms(ownCpuPerExecution, 2)} → at most ~${int((os.cpus().length * 1000) / ownCpuPerExecution)} executions/s on ${os.cpus().length} idle cores`,
    );
    console.log(`      ${statements.toFixed(1)} statements per execution (${int(statements * perSecond)}/s): ${statementList(queries, report.ran)}`);
  }
  await check.end({ timeout: 5 });
  return rows;
}

console.log(`${machine()}; engine benchmark on PostgreSQL; code at ${codeVersion()}`);
const maxConcurrency = Math.max(...CONCURRENCIES, 4);
const servers = await startServers({ keepKeys: true });
let bench: BenchDatabase | undefined;
try {
  configureRuntime(servers.allow);
  // A pool as large as the largest concurrency, plus room for the claim/finish overlap.
  bench = await createBenchDatabase({ max: maxConcurrency + 4 });
  const [{ version }] = (await bench.handle.db.execute(sql`select current_setting('server_version') as version`)) as unknown as { version: string }[];
  console.log(`database: PostgreSQL ${version} (${bench.name}), pool max ${maxConcurrency + 4}`);
  if (ROLLUP_TRIGGER_OFF) {
    // Experiment only, in the throw-away database: without the hourly rollup's trigger, finishes of one flow no longer queue on its (flow, hour) row.
    await bench.handle.db.execute(sql`alter table executions disable trigger executions_count_finished_insert, disable trigger executions_count_finished_update`);
    console.log("BENCH_ROLLUP_TRIGGER=off: the flow_hourly_stats trigger is disabled in this throw-away database (an experiment, not the product)");
  }
  const queries = countStatements(bench.handle.db);
  await perStepOverhead(bench, queries);
  const rows = await throughput(bench, servers, queries);
  const best = rows.reduce((a, b) => (b.perSecond > a.perSecond ? b : a));
  console.log(
    `\nbest: ${int(best.perSecond)} executions/s at concurrency ${best.concurrency} — ${verdict(best.perSecond >= TARGET_PER_SECOND)} ` +
      `(target ≥ ${TARGET_PER_SECOND}/s); raw inserts at that concurrency ${int(best.raw)}/s; all checks ${rows.every((r) => r.ok) ? "ok" : "FAILED"}`,
  );
  if (!rows.every((r) => r.ok)) process.exitCode = 1;
} finally {
  await bench?.close();
  await servers.close();
}
