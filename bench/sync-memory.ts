// Benchmark: memory of a large sync (not a test; prints numbers and ratios, asserts no timings).
// Run: npx tsx bench/sync-memory.ts
//   BENCH_DATABASE_URL     server to create a throw-away database on (default postgres://postgres:postgres@127.0.0.1:5432/postgres)
//   BENCH_SYNC_RECORDS=1000000  records the local source serves (10 fields each, 1,000 per page, cursor pagination)
//   BENCH_SYNC_BUDGET_MS=170000 stop draining after this long (the result then says so)
//   BENCH_RUN_BUDGET_MS    each run's budget before it checkpoints (default: the engine's, 50 s)
//   BENCH_KEEP_RATE_LIMIT=1  keep the custom connector's 10 requests/s limit (see README: the sync then never finishes)
//
// A custom connector declares the source's list endpoint; a sync step reads it page by page,
// maps 5 fields and POSTs batches of 1,000 records to a local sink, which counts them and drops
// the bodies. The source and the sink run in a child process, so what is measured is this
// process: the engine. RSS is sampled every 100 ms.
import { eq, sql } from "drizzle-orm";
import postgres from "postgres";
import { createConnection } from "../lib/connections/manage-connections";
import { createCustomConnector } from "../lib/connections/manage-custom-connectors";
import { executions, syncState } from "../lib/db/schema";
import { drainQueue } from "../lib/engine/drain";
import { enqueueExecution } from "../lib/engine/queue";
import { createFlow } from "../lib/flows/flow-store";
import { configureRuntime, createBenchDatabase, type BenchDatabase } from "./support/db";
import { cpuBetween, cpuSample, describeCores } from "./support/probes";
import { startServers, type BenchServers } from "./support/servers";
import { codeVersion, int, machine, verdict } from "./support/stats";

const RECORDS = Number(process.env.BENCH_SYNC_RECORDS ?? 1_000_000);
const BUDGET_MS = Number(process.env.BENCH_SYNC_BUDGET_MS ?? 170_000);
const RUN_BUDGET_MS = process.env.BENCH_RUN_BUDGET_MS ? Number(process.env.BENCH_RUN_BUDGET_MS) : undefined;
const KEEP_RATE_LIMIT = process.env.BENCH_KEEP_RATE_LIMIT === "1";
const TARGET_MB = 300;
const PAGE = 1000;
const MB = 1024 * 1024;

interface Sample {
  at: number;
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
}
const samples: Sample[] = [];
let sampling = false;
const sampler = setInterval(() => {
  if (!sampling) return;
  const m = process.memoryUsage();
  samples.push({ at: performance.now(), rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external });
}, 100);

async function setUpSync(bench: BenchDatabase, servers: BenchServers): Promise<string> {
  await createCustomConnector(bench.actor, {
    name: "Bench source",
    slug: "bench-source",
    base_url: servers.sourceOrigin,
    auth_type: "none",
    list_endpoints: [
      {
        key: "records",
        name: "Records",
        path: "/records",
        items_path: "data",
        pagination: { style: "cursor", cursor_param: "cursor", next_cursor_path: "next_cursor", limit_param: "limit" },
      },
    ],
  });
  const connection = await createConnection(bench.actor, {
    connector: "bench-source",
    name: "Bench source",
    auth_type: "none",
    credentials: {},
    validate: false,
  });
  const flow = await createFlow(bench.actor, {
    name: "Records to warehouse",
    trigger: { type: "manual" },
    steps: [
      {
        key: "copy",
        type: "sync",
        source: { connector: "bench-source", action: "list_records", connection: connection.id, input: { limit: PAGE } },
        mapping: {
          fields: {
            id: "id",
            email: { from: "email", transforms: [{ type: "trim" }, { type: "lowercase" }] },
            name: "firstName",
            city: "city",
            country: { from: "country", transforms: [{ type: "uppercase" }] },
          },
        },
        destination: {
          connector: "http",
          action: "request",
          connection: null,
          input: { method: "POST", url: `${servers.sinkOrigin}/batch`, body: "{{ records }}" },
        },
        batch_size: 1000,
      },
    ],
  });
  return flow.row.id;
}

/**
 * The custom connector's per-connection limit (10 requests/s, fixed) is shared state in
 * rate_limit_buckets. A local source answers a page in milliseconds, so the limit would stop the
 * sync within a second — and a rate-limit stop does not save the cursor (see README). In this
 * throw-away database only, a trigger keeps the bucket's count at 1 so the sync is measured.
 */
async function liftRateLimit(url: string): Promise<void> {
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`
      create function bench_no_rate_limit() returns trigger language plpgsql as $$
      begin new.count := 1; return new; end $$;
      create trigger bench_no_rate_limit before insert or update on rate_limit_buckets
        for each row execute function bench_no_rate_limit();`);
  } finally {
    await admin.end({ timeout: 5 });
  }
}

console.log(`${machine()}; sync memory benchmark on PostgreSQL; code at ${codeVersion()}`);
const servers = await startServers({ sourceRecords: RECORDS });
let bench: BenchDatabase | undefined;
try {
  configureRuntime(servers.allow);
  bench = await createBenchDatabase({ max: 5 });
  const db = bench.handle.db;
  const flowId = await setUpSync(bench, servers);
  if (!KEEP_RATE_LIMIT) await liftRateLimit(bench.url);
  console.log(
    `${int(RECORDS)} source records of 10 fields, ${PAGE} per page (cursor pagination), 5 mapped fields, batches of 1,000 to the sink; ` +
      `per-connection rate limit ${KEEP_RATE_LIMIT ? "kept (10/s)" : "lifted in the bench database"}`,
  );

  const execution = await enqueueExecution(db, {
    workspaceId: bench.actor.workspaceId,
    flowId,
    flowVersion: 1,
    triggerType: "manual",
    payload: { body: {}, headers: {}, query: {} },
  });
  const baseline = process.memoryUsage();
  sampling = true;

  const before = cpuSample(servers.pid);
  const started = performance.now();
  const deadline = started + BUDGET_MS;
  const outcomes: Record<string, number> = {};
  let status = "queued";
  let progressAt = started;
  let lastSeen = 0;
  while (performance.now() < deadline) {
    const report = await drainQueue(db, {
      concurrency: 1,
      budgetMs: Math.max(1000, Math.floor(deadline - performance.now())),
      ...(RUN_BUDGET_MS ? { runBudgetMs: RUN_BUDGET_MS } : {}),
    });
    for (const [k, n] of Object.entries(report.outcomes)) outcomes[k] = (outcomes[k] ?? 0) + (n ?? 0);
    [{ status }] = await db.select({ status: executions.status }).from(executions).where(eq(executions.id, execution.id));
    if (status !== "queued" && status !== "running") break;
    if (report.ran === 0) await new Promise((resolve) => setTimeout(resolve, 200)); // waiting for run_after
    const seen = (await servers.stats()).records;
    if (seen > lastSeen) {
      lastSeen = seen;
      progressAt = performance.now();
    }
    if (performance.now() - progressAt > 30_000) {
      console.log("no progress for 30 s — stopping");
      break;
    }
  }
  const ended = performance.now();
  const seconds = (ended - started) / 1000;
  const cpu = cpuBetween(before, cpuSample(servers.pid));
  sampling = false;
  clearInterval(sampler);

  const [row] = await db.select().from(executions).where(eq(executions.id, execution.id));
  const [state] = await db.select().from(syncState).where(eq(syncState.flowId, flowId));
  const stepRows = await db.execute(sql`select step_key, status, output from execution_steps where execution_id = ${execution.id}`);
  const sink = await servers.stats();
  const finished = row.status === "succeeded";
  const delivered = sink.records === RECORDS;

  const peak = samples.reduce((a, b) => (b.rss > a.rss ? b : a), { at: started, ...baseline });
  const peakMb = peak.rss / MB;
  const peakHeap = samples.reduce((n, x) => Math.max(n, x.heapUsed), baseline.heapUsed);
  console.log(
    `\nexecution ${row.status} after ${seconds.toFixed(1)} s (${Object.entries(outcomes).map(([k, n]) => `${n} ${k}`).join(", ")} run(s)); ` +
      `records_processed ${int(row.recordsProcessed ?? 0)}; cursor left ${state?.cursor ? JSON.stringify(state.cursor) : "none"}` +
      (row.errorMessage ? `; error: ${row.errorMessage}` : ""),
  );
  console.log(
    `source served ${int(sink.sourceRecords)} records in ${int(sink.sourcePages)} pages; sink received ${int(sink.records)} records in ${int(sink.requests)} requests ` +
      `(${(sink.bytes / MB).toFixed(0)} MB, ${sink.badBodies} unreadable bodies) — ${delivered ? "all 1 × " + int(RECORDS) : `EXPECTED ${int(RECORDS)}`}`,
  );
  console.log(`step output: ${JSON.stringify((stepRows as unknown as { output: unknown }[])[0]?.output ?? null)}`);
  console.log(`throughput: ${int(sink.records / seconds)} records/s delivered (${int(sink.sourceRecords / seconds)} read/s)`);
  console.log(`CPU: ${describeCores(cpu, "source+sink")}`);
  const tenths = Array.from({ length: 10 }, (_, i) => {
    const from = started + (i * (ended - started)) / 10;
    const to = started + ((i + 1) * (ended - started)) / 10;
    const inTenth = samples.filter((x) => x.at >= from && x.at < to);
    return inTenth.length ? Math.max(...inTenth.map((x) => x.rss)) / MB : NaN;
  });
  console.log(`RSS over the run (max per tenth, MB): ${tenths.map((v) => (Number.isNaN(v) ? "-" : v.toFixed(0))).join(" ")}`);
  const mb = (n: number) => `${(n / MB).toFixed(0)} MB`;
  console.log(
    `memory before the sync: RSS ${mb(baseline.rss)} (V8 heap committed ${mb(baseline.heapTotal)}, used ${mb(baseline.heapUsed)}); ` +
      `at the peak: RSS ${mb(peak.rss)} (heap committed ${mb(peak.heapTotal)}, used ${mb(peak.heapUsed)}, external ${mb(peak.external)}); peak heap used ${mb(peakHeap)}`,
  );
  const flags = [...process.execArgv.filter((a) => /^--(max|min|optimize|semi)/.test(a)), process.env.NODE_OPTIONS ?? ""].join(" ").trim();
  console.log(
    `peak RSS during the sync ${peakMb.toFixed(0)} MB (${samples.length} samples every 100 ms; node flags: ${flags || "defaults"}); ` +
      `target < ${TARGET_MB} MB: ${(peakMb / TARGET_MB).toFixed(2)}× — ${verdict(peakMb < TARGET_MB)}; the sync itself added ${(peakMb - baseline.rss / MB).toFixed(0)} MB`,
  );
  // ru_maxrss: the process's peak since it started, module loading included (kB on Linux).
  console.log(`peak RSS of the process since it started (loading modules included): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  if (!finished || !delivered) {
    console.log(`sync ${finished ? "finished" : "DID NOT FINISH"}; records delivered ${delivered ? "exactly" : "NOT exactly"} ${int(RECORDS)}`);
    process.exitCode = 1;
  }
} finally {
  clearInterval(sampler);
  await bench?.close();
  await servers.close();
}
