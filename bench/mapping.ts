// Benchmark: field mapping throughput (not a test; prints numbers, asserts no timings).
// Run: npx tsx bench/mapping.ts   (BENCH_RECORDS=100000, BENCH_JSONATA_RECORDS=100000 to change sizes)
import os from "node:os";
import { compileMapping, type CompiledMapping } from "../lib/engine/expressions";

const TARGET_MS = 1_000;
const TARGET_RECORDS = 100_000;
const records = Number(process.env.BENCH_RECORDS ?? TARGET_RECORDS);
const jsonataRecords = Number(process.env.BENCH_JSONATA_RECORDS ?? TARGET_RECORDS);

function makeRecords(count: number) {
  const cities = ["Berlin", "Lyon", "Porto", "Oslo", "Austin"];
  const out = new Array<Record<string, unknown>>(count);
  for (let i = 0; i < count; i++) {
    out[i] = {
      id: i,
      email: ` User${i}@Example.COM `,
      firstName: `First${i % 997}`,
      lastName: ` Last${i % 991} `,
      age: String(18 + (i % 60)),
      active: i % 3 === 0 ? "no" : "yes",
      city: cities[i % cities.length],
      country: i % 2 ? "de" : "fr",
      createdAt: 1_700_000_000 + i,
      score: i % 10 === 0 ? "" : String((i % 100) / 4),
    };
  }
  return out;
}

// A realistic sync mapping: plain paths, and transforms done in plain code.
const fastMapping = compileMapping({
  fields: {
    id: "id",
    "customer.email": { from: "email", transforms: [{ type: "trim" }, { type: "lowercase" }], required: true },
    "customer.firstName": "firstName",
    "customer.lastName": { from: "lastName", transforms: [{ type: "trim" }] },
    age: { from: "age", transforms: [{ type: "number" }] },
    active: { from: "active", transforms: [{ type: "boolean" }] },
    "address.city": "city",
    "address.country": { from: "country", transforms: [{ type: "uppercase" }] },
    createdAt: { from: "createdAt", transforms: [{ type: "date" }] },
    score: { from: "score", transforms: [{ type: "number" }, { type: "default", value: 0 }] },
  },
});

// The same result with every field an expression that jsonata must evaluate.
const jsonataMapping = compileMapping({
  fields: {
    id: "(id)",
    "customer.email": "$lowercase($trim(email))",
    "customer.firstName": "(firstName)",
    "customer.lastName": "$trim(lastName)",
    age: "$toNumber(age)",
    active: "$toBoolean(active)",
    "address.city": "(city)",
    "address.country": "$uppercase(country)",
    createdAt: "$toDate(createdAt)",
    score: "$default($toNumber(score), 0)",
  },
});

async function measure(mapping: CompiledMapping, input: Record<string, unknown>[]) {
  await mapping.applyMany(input.slice(0, 2_000)); // warm up the JIT
  const started = performance.now();
  const output = await mapping.applyMany(input);
  const ms = performance.now() - started;
  return { ms, output };
}

function report(label: string, count: number, ms: number) {
  const perSecond = (count / ms) * 1000;
  const projected = (ms / count) * TARGET_RECORDS;
  console.log(
    `${label.padEnd(26)} ${String(count).padStart(7)} records  ${ms.toFixed(0).padStart(6)} ms  ` +
      `${Math.round(perSecond).toLocaleString("en-US").padStart(11)} records/s  ` +
      `${(projected / TARGET_MS).toFixed(2)}× the 1 s target for ${TARGET_RECORDS.toLocaleString("en-US")} records`,
  );
  return projected;
}

const input = makeRecords(Math.max(records, jsonataRecords));
console.log(`node ${process.version}, ${os.cpus().length} cores; 10 fields per record`);

const fast = await measure(fastMapping, input.slice(0, records));
const fastProjected = report("fast path + transforms", records, fast.ms);

const slow = await measure(jsonataMapping, input.slice(0, jsonataRecords));
const slowProjected = report("jsonata on every field", jsonataRecords, slow.ms);

const sample = Math.min(records, jsonataRecords, 1_000);
const agree = JSON.stringify(fast.output.slice(0, sample)) === JSON.stringify(slow.output.slice(0, sample));
console.log(`fast path is ${(slowProjected / fastProjected).toFixed(1)}× faster; outputs agree on the first ${sample} records: ${agree ? "yes" : "NO"}`);
console.log("sample output:", JSON.stringify(fast.output[1]));
