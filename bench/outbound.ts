// Benchmark: the cost of one outbound call (not a test; prints numbers and ratios, asserts no timings).
// Run: npx tsx bench/outbound.ts   (BENCH_CALLS=3000, BENCH_CONCURRENCY=8)
//
// The engine's HTTP step goes through lib/http's outboundFetch, which keeps connections alive in
// one undici Agent per allow-list (lib/http/agent-pool.ts). This prints what a call costs in CPU
// here and in the local sink three ways: outboundFetch as the engine calls it (pooled),
// outboundFetch with a connect timeout of its own (an Agent, so a TCP connection, per call — what
// every call cost before the pool), and a bare undici request on one shared keep-alive Agent (no
// guard, no checks: the floor).
import { Agent, request } from "undici";
import { resetEnvCache } from "../lib/env";
import { closePooledAgents, outboundFetch } from "../lib/http";
import { cpuBetween, cpuSample, describeCores } from "./support/probes";
import { startServers } from "./support/servers";
import { int, machine } from "./support/stats";

const CALLS = Number(process.env.BENCH_CALLS ?? 3000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);

console.log(`${machine()}; outbound HTTP call cost, ${int(CALLS)} POSTs at concurrency ${CONCURRENCY} to a local sink`);
const servers = await startServers({});
const agent = new Agent({ keepAliveTimeout: 10_000, connections: CONCURRENCY });
try {
  process.env.JUNCTION_OUTBOUND_ALLOW = servers.allow.join(",");
  resetEnvCache();
  const url = `${servers.sinkOrigin}/entries`;
  const body = JSON.stringify({ orderId: "1042", email: "ada@example.com" });
  const variants = [
    ["outboundFetch (pooled)", () => outboundFetch({ method: "POST", url, headers: { "content-type": "application/json" }, body })],
    [
      "outboundFetch (an Agent per call)",
      () => outboundFetch({ method: "POST", url, headers: { "content-type": "application/json" }, body }, { connectTimeoutMs: 10_000 }),
    ],
    [
      "undici, one shared keep-alive Agent",
      async () => {
        const response = await request(url, { method: "POST", dispatcher: agent, headers: { "content-type": "application/json" }, body });
        await response.body.text();
      },
    ],
  ] as const;
  const results: { name: string; cpuMs: number; perSecond: number }[] = [];
  for (const [name, call] of variants) {
    for (let i = 0; i < 300; i++) await call(); // warm-up
    await servers.reset();
    let started = 0;
    const before = cpuSample(servers.pid);
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (started < CALLS) {
          started++;
          await call();
        }
      }),
    );
    const cpu = cpuBetween(before, cpuSample(servers.pid));
    const stats = await servers.stats();
    const cpuMs = ((cpu.node + cpu.child) / CALLS) * 1000;
    results.push({ name, cpuMs, perSecond: CALLS / cpu.wall });
    console.log(
      `  ${name.padEnd(38)} ${int(CALLS / cpu.wall).padStart(6)} calls/s; CPU per call: node ${((cpu.node / CALLS) * 1000).toFixed(3)} ms, ` +
        `sink ${((cpu.child / CALLS) * 1000).toFixed(3)} ms; ${int(stats.connections)} TCP connections for ${int(stats.requests)} requests`,
    );
    console.log(`      ${describeCores(cpu, "sink")}`);
  }
  const [pooled, fresh, bare] = results;
  console.log(
    `  a new connection per call costs ${(fresh.cpuMs - pooled.cpuMs).toFixed(3)} ms of CPU more per call than the pool (${(fresh.cpuMs / pooled.cpuMs).toFixed(1)}×), ` +
      `before any TLS handshake (the sink is plain http); the pool's guard and checks cost ${(pooled.cpuMs - bare.cpuMs).toFixed(3)} ms over a bare undici call`,
  );
} finally {
  await closePooledAgents();
  await agent.close();
  await servers.close();
}
