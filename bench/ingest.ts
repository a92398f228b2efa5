// Ingest benchmark: autocannon against POST /api/webhooks/{token} with the PostgreSQL server,
// at concurrency 10 and 50 (20 s each; INGEST_SECONDS to change), printing accepted events per
// second and p50/p99 latency beside the raw single-row insert rate of the same database in the
// same run; then it checks that every accepted event produced exactly one execution and ran
// once. Servers, each as `npm start` runs them (NODE_OPTIONS=--max-semi-space-size=16):
//   - `junction start` (what `npm start` runs), where the webhook listener answers, with
//     JUNCTION_WEBHOOK_RUNS=inline (runs start in the web server after the 202) and =queue (the
//     server only accepts; the queue is drained afterwards, as `junction worker` would);
//   - plain `next start`, where the Next route answers (as under `next dev` and on Vercel).
// INGEST_SERVERS picks (start-inline,start-queue,next-inline). Targets on 2 cores:
// >= 1,500 accepted/s at concurrency 50 with p99 < 50 ms.
// Needs `npm run build` first. Run: npx tsx bench/ingest.ts
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import autocannon from "autocannon";
import postgres from "postgres";
import { sql as q } from "drizzle-orm";
import { queryRows } from "../lib/db/types";
import { drainQueue, recoverQueue } from "../lib/engine/drain";
import { createFlow } from "../lib/flows/flow-store";
import { groupCpuMs, postgresCpuMs } from "./support/cpu";
import { createBenchDatabase, configureRuntime } from "./support/db";
import { int, machine, verdict } from "./support/stats";
import { unusedPort } from "../lib/http/test-server";

const SECONDS = Number(process.env.INGEST_SECONDS ?? 20);
const LEVELS = [10, 50];

interface ServerKind {
  key: string;
  label: string;
  args: (port: number) => string[];
  mode: "inline" | "queue";
}
const START = (port: number) => ["bin/junction.mjs", "start", "--hostname", "127.0.0.1", "--port", String(port)];
const NEXT_START = (port: number) => ["node_modules/next/dist/bin/next", "start", "--hostname", "127.0.0.1", "--port", String(port)];
const KINDS: ServerKind[] = [
  { key: "start-inline", label: "junction start (npm start), JUNCTION_WEBHOOK_RUNS=inline", args: START, mode: "inline" },
  { key: "start-queue", label: "junction start (npm start), JUNCTION_WEBHOOK_RUNS=queue", args: START, mode: "queue" },
  { key: "next-inline", label: "plain next start (the Next route, as on Vercel), JUNCTION_WEBHOOK_RUNS=inline", args: NEXT_START, mode: "inline" },
];
const wanted = (process.env.INGEST_SERVERS ?? KINDS.map((k) => k.key).join(",")).split(",");
const SERVERS = KINDS.filter((k) => wanted.includes(k.key));

async function startServer(kind: ServerKind, port: number, env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, kind.args(port), {
    env: { ...process.env, NODE_ENV: "production", NODE_OPTIONS: "--max-semi-space-size=16", ...env },
    detached: true,
    stdio: "ignore",
  });
  for (const deadline = Date.now() + 60_000; Date.now() < deadline; ) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/v1/openapi.json`)).ok) return child;
    } catch {
      // starting
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${kind.label} did not come up in 60 s`);
}

async function rawInsertRate(url: string, concurrency: number, seconds: number): Promise<number> {
  const sql = postgres(url, { max: concurrency, onnotice: () => {} });
  await sql`create table if not exists bench_ingest_rows (id bigserial primary key, body jsonb not null, at timestamptz not null default now())`;
  let n = 0;
  const stop = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < stop) {
        await sql`insert into bench_ingest_rows (body) values (${sql.json({ n })})`;
        n++;
      }
    }),
  );
  await sql.end();
  return n / seconds;
}

/** Runs the load levels against one server; returns the number of 2xx answers. */
async function load(url: string, mode: string, rawRates: Map<number, number>, cpu: () => { server: number; postgres: number }): Promise<number> {
  let accepted = 0;
  for (const connections of LEVELS) {
    let counter = 0;
    const before = cpu();
    const result = await autocannon({
      url,
      method: "POST",
      connections,
      duration: SECONDS,
      headers: { "content-type": "application/json" },
      requests: [{ setupRequest: (req) => ({ ...req, body: JSON.stringify({ mode, n: counter++, at: Date.now() }) }) }],
    });
    const after = cpu();
    const ok = result["2xx"];
    accepted += ok;
    const serverMs = (after.server - before.server) / Math.max(1, ok);
    const postgresMs = (after.postgres - before.postgres) / Math.max(1, ok);
    const perSecond = ok / SECONDS;
    const raw = rawRates.get(connections)!;
    console.log(
      `  concurrency ${connections}: ${int(perSecond)} accepted/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ` +
        `non-2xx ${result.non2xx}, errors ${result.errors}, timeouts ${result.timeouts} (ingest = ${(perSecond / raw).toFixed(2)}× raw inserts)`,
    );
    // CPU per accepted event does not move with other load on the machine; 2 cores give
    // 2,000 CPU ms a second, so it bounds what an idle machine could accept (before the
    // load generator's own share).
    console.log(
      `    CPU per accepted event: server ${serverMs.toFixed(2)} ms + PostgreSQL ${postgresMs.toFixed(2)} ms ` +
        `→ at most ${int(2000 / (serverMs + postgresMs))}/s on 2 idle cores`,
    );
    if (connections === 50) {
      console.log(`    target >= 1,500/s: ${verdict(perSecond >= 1500)}; p99 < 50 ms: ${verdict(result.latency.p99 < 50)}`);
    }
  }
  return accepted;
}

/**
 * The cost of the entry itself: the same path answering 404 to a malformed token, which
 * touches neither the body nor the database. Whatever ingest costs above this is ours.
 */
async function floor(url: string, cpu: () => number): Promise<void> {
  const before = cpu();
  const result = await autocannon({ url, method: "POST", connections: 50, duration: Math.min(5, SECONDS), body: "{}" });
  const answered = result["4xx"];
  const perRequest = (cpu() - before) / Math.max(1, answered);
  console.log(
    `  floor (404 for a malformed token, no database): ${int(answered / Math.min(5, SECONDS))}/s at concurrency 50, ` +
      `p99 ${result.latency.p99} ms, server CPU ${perRequest.toFixed(2)} ms a request → at most ${int(2000 / perRequest)}/s on 2 idle cores`,
  );
}

/** SIGTERM, then waits for the server to finish what it started (30 s at most, then SIGKILL). */
async function stop(server: ChildProcess | undefined): Promise<void> {
  if (!server?.pid) return;
  const exited = new Promise<void>((resolve) => {
    if (server.exitCode !== null || server.signalCode !== null) resolve();
    else server.once("exit", () => resolve());
  });
  try {
    process.kill(-server.pid, "SIGTERM");
  } catch {
    return;
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-server.pid!, "SIGKILL");
    } catch {
      // gone
    }
  }, 30_000);
  await exited;
  clearTimeout(timer);
}

async function main() {
  if (!existsSync(".next/BUILD_ID")) throw new Error("run `npm run build` first");
  console.log(`Ingest benchmark — ${machine()}`);
  const db = await createBenchDatabase({ max: 4 });
  configureRuntime([]);
  let server: ChildProcess | undefined;
  try {
    // A flow with no steps: the benchmark measures accepting events, not running them.
    const saved = await createFlow(db.actor, { name: "Ingest", active: true, trigger: { type: "webhook" }, steps: [] });
    const rawRates = new Map<number, number>();
    for (const connections of LEVELS) rawRates.set(connections, await rawInsertRate(db.url, connections, Math.min(5, SECONDS)));
    console.log(`raw single-row inserts: ${LEVELS.map((c) => `${int(rawRates.get(c)!)}/s at ${c} connections`).join(", ")}`);

    let accepted = 0;
    // inline: the server also runs what it accepted (after the 202, in the same process);
    // queue: it only accepts, and the queue is drained afterwards (as `junction worker` would).
    const floored = new Set<ServerKind["args"]>();
    for (const kind of SERVERS) {
      const port = await unusedPort();
      server = await startServer(kind, port, {
        DATABASE_URL: db.url,
        JUNCTION_ENCRYPTION_KEYS: process.env.JUNCTION_ENCRYPTION_KEYS!,
        JUNCTION_WEBHOOK_RUNS: kind.mode,
      });
      console.log(kind.label);
      if (!floored.has(kind.args)) {
        floored.add(kind.args);
        await floor(`http://127.0.0.1:${port}/api/webhooks/not-a-token`, () => groupCpuMs(server!.pid!));
      }
      const pgid = server.pid!;
      const cpu = () => ({ server: groupCpuMs(pgid), postgres: postgresCpuMs(db.name) });
      accepted += await load(`http://127.0.0.1:${port}/api/webhooks/${saved.webhookToken}`, kind.key, rawRates, cpu);
      await stop(server);
      server = undefined;
      // Runs a server had claimed when it stopped (plain next start exits on SIGTERM without
      // waiting) keep their lease; the tick re-queues them once it expires. Expire it now.
      const [left] = await queryRows<{ n: number }>(
        db.handle.db,
        q`with expired as (update executions set lease_until = now() - interval '1 second' where status = 'running' returning 1)
            select count(*)::int as n from expired`,
      );
      if (left.n > 0) console.log(`  runs still claimed when the server stopped: ${left.n} (re-queued as their lease expires)`);
      await recoverQueue(db.handle.db);
    }

    // Whatever is still queued runs now, so that every event can be checked to have run once.
    const started = performance.now();
    let ran = 0;
    for (let report; (report = await drainQueue(db.handle.db, { concurrency: 8, budgetMs: 120_000 })).ran > 0; ) ran += report.ran;
    console.log(`drained the ${int(ran)} executions still queued in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    const sql = postgres(db.url, { max: 1, onnotice: () => {} });
    const [counts] = await sql<{ events: number; executions: number; succeeded: number; orphans: number; doubles: number }[]>`
      select (select count(*)::int from webhook_events) as events,
             (select count(*)::int from executions) as executions,
             (select count(*)::int from executions where status = 'succeeded') as succeeded,
             (select count(*)::int from webhook_events e where not exists (select 1 from executions x where x.event_id = e.id)) as orphans,
             (select count(*)::int from (select event_id from executions group by event_id having count(*) > 1) d) as doubles`;
    await sql.end();
    // Requests still in flight when autocannon stops are stored but not counted as 2xx by it.
    console.log(
      `accepted (2xx) ${int(accepted)}; events stored ${int(counts.events)}; executions ${int(counts.executions)}, ` +
        `succeeded ${int(counts.succeeded)}; events without an execution ${counts.orphans}; events with two ${counts.doubles} — ` +
        `no accepted event lost or doubled, each ran once: ` +
        verdict(
          counts.events >= accepted &&
            counts.executions === counts.events &&
            counts.succeeded === counts.executions &&
            counts.orphans === 0 &&
            counts.doubles === 0,
        ),
    );
  } finally {
    await stop(server);
    await db.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
