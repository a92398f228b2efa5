// Runs every benchmark in turn, each in its own Node process: `npm run bench`.
// Benchmarks print numbers and ratios; none of them asserts a timing. A benchmark whose own
// correctness checks fail (lost or repeated executions, records not all delivered) exits
// non-zero, and so does this runner.
import { spawnSync } from "node:child_process";

const runs: { file: string; title: string; nodeFlags?: string[] }[] = [
  { file: "bench/mapping.ts", title: "field mapping, 100k records" },
  { file: "bench/engine.ts", title: "engine: per-step overhead and throughput on PostgreSQL" },
  { file: "bench/sync-memory.ts", title: "sync of 1,000,000 records: memory (Node's default heap settings)" },
  {
    file: "bench/sync-memory.ts",
    title: "sync of 1,000,000 records: memory with the young generation capped (--max-semi-space-size=16)",
    nodeFlags: ["--max-semi-space-size=16"],
  },
  { file: "bench/outbound.ts", title: "one outbound HTTP call: a new connection each time vs keep-alive" },
  { file: "bench/executions-list.ts", title: "executions list: keyset pages over 1,000,000 executions on PostgreSQL" },
  { file: "bench/insights.ts", title: "dashboard and health queries at 1,000,000 executions: the hourly rollup vs reading executions" },
];

const only = process.argv.slice(2);
let failed = 0;
for (const run of runs) {
  if (only.length && !only.some((name) => run.file.includes(name))) continue;
  console.log(`\n=== ${run.title} — ${run.file}${run.nodeFlags ? ` (node ${run.nodeFlags.join(" ")})` : ""}`);
  const started = performance.now();
  const result = spawnSync(process.execPath, [...(run.nodeFlags ?? []), "--import", "tsx", run.file], { stdio: "inherit", env: process.env });
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  if (result.status !== 0) {
    failed++;
    console.log(`=== ${run.file} exited with ${result.status ?? result.signal} after ${seconds} s`);
  } else {
    console.log(`=== ${run.file} done in ${seconds} s`);
  }
}
process.exitCode = failed ? 1 : 0;
