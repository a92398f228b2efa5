// Bench support, run as a child process (so its CPU and memory are not the engine's):
// - a sink: answers every request 200 JSON at once (keep-alive), counts requests, TCP
//   connections, the Idempotency-Key of each request and, for sync batches, the records in
//   each JSON array body (the body is then dropped);
// - a source: GET /records?cursor=N&limit=L pages through BENCH_SOURCE_RECORDS generated
//   records of 10 fields, made on the fly, with `next_cursor` (cursor pagination).
// The parent talks to it over IPC: it says {ready, sinkPort, sourcePort}, answers
// {cmd:"stats"} with the counters, and {cmd:"reset"} clears them. It exits when the parent
// goes away, and after BENCH_SERVER_LIFETIME_MS in any case.
import { createServer } from "node:http";

const total = Number(process.env.BENCH_SOURCE_RECORDS ?? 0);
const lifetimeMs = Number(process.env.BENCH_SERVER_LIFETIME_MS ?? 600_000);
const keepKeys = process.env.BENCH_SINK_KEYS === "1";

let stats;
function reset() {
  stats = { requests: 0, connections: 0, records: 0, bytes: 0, badBodies: 0, sourcePages: 0, sourceRecords: 0, keys: keepKeys ? {} : undefined };
}
reset();

const sink = createServer({ keepAlive: true, keepAliveTimeout: 30_000 }, (req, res) => {
  const chunks = [];
  req.on("data", (chunk) => chunks.push(chunk));
  req.on("end", () => {
    stats.requests++;
    const body = Buffer.concat(chunks);
    stats.bytes += body.length;
    const key = req.headers["idempotency-key"];
    if (stats.keys && typeof key === "string") stats.keys[key] = (stats.keys[key] ?? 0) + 1;
    if (req.url?.startsWith("/batch")) {
      try {
        const parsed = JSON.parse(body.toString("utf8"));
        if (Array.isArray(parsed)) stats.records += parsed.length;
        else stats.badBodies++;
      } catch {
        stats.badBodies++;
      }
    }
    res.writeHead(200, { "content-type": "application/json" });
    res.end(`{"ok":true,"id":"led_${stats.requests}"}`);
  });
});
sink.on("connection", () => stats.connections++);

const cities = ["Berlin", "Lyon", "Porto", "Oslo", "Austin"];
function record(i) {
  return {
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

const source = createServer({ keepAlive: true, keepAliveTimeout: 30_000 }, (req, res) => {
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  if (url.pathname !== "/records") {
    res.writeHead(404, { "content-type": "application/json" });
    res.end('{"error":{"message":"not found"}}');
    return;
  }
  const from = Number(url.searchParams.get("cursor") ?? 0) || 0;
  const limit = Math.min(1000, Math.max(1, Number(url.searchParams.get("limit") ?? 100) || 100));
  const to = Math.min(total, from + limit);
  const data = [];
  for (let i = from; i < to; i++) data.push(record(i));
  stats.sourcePages++;
  stats.sourceRecords += data.length;
  res.writeHead(200, { "content-type": "application/json" });
  res.end(JSON.stringify({ data, next_cursor: to < total ? String(to) : null }));
});

const listen = (server) => new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server.address().port)));
const [sinkPort, sourcePort] = await Promise.all([listen(sink), listen(source)]);

function close() {
  sink.closeAllConnections();
  source.closeAllConnections();
  sink.close();
  source.close();
  process.exit(0);
}
setTimeout(close, lifetimeMs).unref();
process.on("disconnect", close);
process.on("message", (message) => {
  if (message?.cmd === "stats") process.send({ stats });
  else if (message?.cmd === "reset") {
    reset();
    process.send({ reset: true });
  } else if (message?.cmd === "close") close();
});
process.send({ ready: true, sinkPort, sourcePort });
