import { spawn, type ChildProcess } from "node:child_process";
import type { ServerResponse } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, inArray, sql } from "drizzle-orm";
import { alerts, executionSteps, executions } from "@/lib/db/schema";
import { queryRows } from "@/lib/db/types";
import { resetEnvCache } from "@/lib/env";
import { startTestServer, type RecordedRequest, type TestServer } from "@/lib/http/test-server";
import { drainQueue, type DrainReport } from "./drain";
import { runFlowManually } from "./executions-service";
import { requeueExpiredLeases } from "./queue";
import { engineFixture, type EngineFixture, type SinkHandler } from "./testing/engine-fixture";

// "A worker killed mid-run ends in a clear, logged state with nothing lost and nothing done
// twice" — proved with real processes: a worker (testing/crash-worker.ts, run by Node as a
// process of its own) is killed with SIGKILL while a step's request is in flight, and two
// workers drain one queue at the same moment.
//
// Only on a PostgreSQL server (TEST_DATABASE_URL; CI sets it): several processes share one
// database here, which PGlite cannot do (one process per data folder, in memory for tests),
// and FOR UPDATE SKIP LOCKED between concurrent connections only means something on a server.

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const WORKER_SCRIPT = path.join(ROOT, "lib", "engine", "testing", "crash-worker.ts");

const json = { "content-type": "application/json" };

function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** Rejects (naming what was awaited) when `promise` takes longer than `ms`. */
async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

interface WorkerProcess {
  child: ChildProcess;
  ready: Promise<{ pid: number; owner: string }>;
  done: Promise<DrainReport>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  go(): void;
  stderr(): string;
}

const children: ChildProcess[] = [];

function startWorker(env: NodeJS.ProcessEnv): WorkerProcess {
  const child = spawn(process.execPath, ["--import", "tsx", WORKER_SCRIPT], {
    // tsx finds tsconfig.json (the @/ path aliases) from the working directory.
    cwd: ROOT,
    env,
    stdio: ["pipe", "pipe", "pipe"],
  });
  children.push(child);
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  const gone = (event: string) => exited.then(({ code, signal }) => {
    throw new Error(`the worker ended (code ${code}, signal ${signal}) before "${event}"; stderr:\n${stderr}`);
  });
  const ready = deferred<{ pid: number; owner: string }>();
  const done = deferred<DrainReport>();
  let buffered = "";
  child.stdout!.on("data", (chunk: Buffer) => {
    buffered += chunk.toString("utf8");
    let newline: number;
    while ((newline = buffered.indexOf("\n")) >= 0) {
      const line = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      let message: { event?: string; pid: number; owner: string; report: DrainReport };
      try {
        message = JSON.parse(line) as typeof message;
      } catch {
        continue; // Not one of the worker's reports (something else printed a line).
      }
      if (message.event === "ready") ready.resolve({ pid: message.pid, owner: message.owner });
      if (message.event === "done") done.resolve(message.report);
    }
  });
  const waitFor = <T>(promise: Promise<T>, event: string) => {
    const raced = Promise.race([promise, gone(event)]);
    raced.catch(() => {}); // Reported where awaited; a killed worker is never asked for "done".
    return raced;
  };
  return {
    child,
    ready: waitFor(ready.promise, "ready"),
    done: waitFor(done.promise, "done"),
    exited,
    go: () => void child.stdin!.write("go\n"),
    stderr: () => stderr,
  };
}

describe.runIf(Boolean(process.env.TEST_DATABASE_URL))("worker processes on a PostgreSQL server", () => {
  let f: EngineFixture;
  let sink: TestServer;
  let onRequest: SinkHandler = (_req, res) => res.destroy();
  const held: ServerResponse[] = [];
  let workerEnv: NodeJS.ProcessEnv;

  beforeAll(async () => {
    f = await engineFixture();
    // Bounded: 4 requests for the crash, 50 for the shared queue, a few to spare.
    sink = await startTestServer((req, res, recorded) => onRequest(req, res, recorded), { maxRequests: 60, lifetimeMs: 120_000 });
    process.env.JUNCTION_OUTBOUND_ALLOW = `127.0.0.1:${sink.port}`;
    resetEnvCache();

    // The fixture's fresh database, by URL, for the worker processes.
    const [{ name }] = await queryRows<{ name: string }>(f.handle.db, sql`select current_database() as name`);
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${name}`;
    workerEnv = {
      NODE_ENV: "test",
      PATH: process.env.PATH ?? "",
      ...(process.env.HOME ? { HOME: process.env.HOME } : {}),
      ...(process.env.TMPDIR ? { TMPDIR: process.env.TMPDIR } : {}),
      DATABASE_URL: url.toString(),
      JUNCTION_OUTBOUND_ALLOW: `127.0.0.1:${sink.port}`,
      JUNCTION_ENCRYPTION_KEYS: process.env.JUNCTION_ENCRYPTION_KEYS!,
      CRASH_WORKER_MAX_MS: "60000",
    };
  });

  afterAll(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    await Promise.all(
      children.map((child) =>
        child.exitCode === null && child.signalCode === null ? new Promise((resolve) => child.once("exit", resolve)) : null,
      ),
    );
    for (const res of held) res.destroy();
    await sink?.close();
    await f?.close();
  });

  const requestsTo = (url: string) => sink.requests.filter((r: RecordedRequest) => r.url === url);
  const stepRows = (executionId: string) =>
    f.handle.db.select().from(executionSteps).where(eq(executionSteps.executionId, executionId)).orderBy(executionSteps.position);

  it("a worker killed with SIGKILL mid-run: the lease holds, the tick re-queues it, the rest runs once, done steps never again", async () => {
    const threeArrived = deferred();
    let threeSeen = 0;
    onRequest = (_req, res, recorded) => {
      if (recorded.url === "/crash/three" && ++threeSeen === 1) {
        // The killed worker's request: never answered.
        held.push(res);
        threeArrived.resolve();
        return;
      }
      res.writeHead(200, json);
      res.end(JSON.stringify({ ok: true, got: recorded.url }));
    };
    const flowId = await f.flow({
      name: "Three posts",
      steps: ["one", "two", "three"].map((key) => ({
        key,
        type: "action",
        connector: "http",
        action: "request",
        connection: null,
        input: { method: "POST", url: `${sink.origin}/crash/${key}`, body: { step: key, order: "{{ trigger.body.order }}" } },
      })),
    });
    const { id } = await runFlowManually(f.actor, flowId, { payload: { order: 7 } });

    const worker = startWorker(workerEnv);
    const { owner } = await within(worker.ready, 20_000, "the worker to connect");
    await within(threeArrived.promise, 20_000, "step three's request at the sink");

    // Mid-run, steps one and two done, the worker waiting on step three: it holds the lease,
    // and a second worker (this process) claims nothing; the tick re-queues nothing.
    let execution = (await f.execution(id))!;
    expect(execution).toMatchObject({ status: "running", leaseOwner: owner, attempt: 1 });
    expect(execution.leaseUntil!.getTime()).toBeGreaterThan(Date.now() + 30_000);
    expect(await drainQueue(f.handle.db, { owner: "second-worker", concurrency: 2, ids: [id] })).toEqual({ ran: 0, outcomes: {} });
    expect(await requeueExpiredLeases(f.handle.db)).toBe(0);

    worker.child.kill("SIGKILL");
    expect(await within(worker.exited, 10_000, "the killed worker to exit")).toEqual({ code: null, signal: "SIGKILL" });

    // Killed: a clear state. Still running under the dead worker's lease, steps one and two
    // logged as succeeded (written before step three's request went out), nothing else.
    execution = (await f.execution(id))!;
    expect(execution).toMatchObject({ status: "running", leaseOwner: owner, attempt: 1, completedAt: null });
    const beforeRecovery = await stepRows(id);
    expect(beforeRecovery.map((s) => [s.stepKey, s.status, s.httpStatus])).toEqual([
      ["one", "succeeded", 200],
      ["two", "succeeded", 200],
    ]);
    expect(requestsTo("/crash/one")).toHaveLength(1);
    expect(requestsTo("/crash/two")).toHaveLength(1);
    expect(requestsTo("/crash/three")).toHaveLength(1);
    // Until the lease runs out nobody takes it over, dead worker or not.
    expect(await drainQueue(f.handle.db, { owner: "second-worker", concurrency: 2, ids: [id] })).toEqual({ ran: 0, outcomes: {} });
    expect(await requeueExpiredLeases(f.handle.db)).toBe(0);

    // The lease runs out. drainQueue claims with the default 90 s lease (it has no option to
    // shorten it), so the test moves lease_until into the past rather than waiting.
    await f.handle.db.execute(sql`update executions set lease_until = now() - interval '1 second' where id = ${id}`);
    // The tick's job: "worker lost", back to the queue.
    expect(await requeueExpiredLeases(f.handle.db)).toBe(1);
    expect(await f.execution(id)).toMatchObject({ status: "queued", leaseOwner: null, leaseUntil: null });

    const recovered = await drainQueue(f.handle.db, { owner: "recovering-worker", concurrency: 2, ids: [id] });
    expect(recovered).toEqual({ ran: 1, outcomes: { succeeded: 1 } });
    // Ended once: nothing left to re-queue or to claim.
    expect(await requeueExpiredLeases(f.handle.db)).toBe(0);
    expect(await drainQueue(f.handle.db, { owner: "late-worker", concurrency: 2, ids: [id] })).toEqual({ ran: 0, outcomes: {} });

    execution = (await f.execution(id))!;
    expect(execution).toMatchObject({ status: "succeeded", attempt: 1, errorMessage: null, leaseOwner: null, leaseUntil: null });
    expect(execution.completedAt).not.toBeNull();

    // Nothing done twice: steps one and two were never re-run; step three was sent by the
    // killed attempt and by the recovery, with the same idempotency key both times.
    expect(requestsTo("/crash/one").map((r) => r.headers["idempotency-key"])).toEqual([`${id}:one`]);
    expect(requestsTo("/crash/two").map((r) => r.headers["idempotency-key"])).toEqual([`${id}:two`]);
    expect(requestsTo("/crash/three").map((r) => r.headers["idempotency-key"])).toEqual([`${id}:three`, `${id}:three`]);
    expect(requestsTo("/crash/three").map((r) => JSON.parse(r.body))).toEqual([
      { step: "three", order: 7 },
      { step: "three", order: 7 },
    ]);

    // Nothing lost: one row per step, all succeeded; the rows of one and two are those the
    // killed worker wrote, untouched by the recovery.
    const steps = await stepRows(id);
    expect(steps.map((s) => [s.stepKey, s.position, s.status, s.httpStatus])).toEqual([
      ["one", 0, "succeeded", 200],
      ["two", 1, "succeeded", 200],
      ["three", 2, "succeeded", 200],
    ]);
    expect(steps.slice(0, 2)).toEqual(beforeRecovery);
    expect(steps[2].output).toEqual({ ok: true, got: "/crash/three" });
    expect(await f.handle.db.select().from(alerts).where(eq(alerts.flowId, flowId))).toEqual([]);
  }, 60_000);

  it("two worker processes started together on one queue of 50 run every execution exactly once (SKIP LOCKED)", async () => {
    onRequest = (_req, res) => {
      // Slow enough that one worker (4 at a time) cannot empty the queue before the other starts.
      setTimeout(() => {
        res.writeHead(200, json);
        res.end('{"ok":true}');
      }, 50);
    };
    const flowId = await f.flow({
      name: "Fan out",
      steps: [
        {
          key: "post",
          type: "action",
          connector: "http",
          action: "request",
          connection: null,
          input: { method: "POST", url: `${sink.origin}/fanout`, body: { n: "{{ trigger.body.n }}" } },
        },
      ],
    });
    const ids: string[] = [];
    for (let n = 0; n < 50; n++) ids.push((await runFlowManually(f.actor, flowId, { payload: { n } })).id);

    const workers = [0, 1].map(() => startWorker({ ...workerEnv, CRASH_WORKER_WAIT_FOR_GO: "1", CRASH_WORKER_CONCURRENCY: "4" }));
    const ready = await within(Promise.all(workers.map((w) => w.ready)), 20_000, "both workers to connect");
    expect(new Set(ready.map((r) => r.owner)).size).toBe(2);
    for (const w of workers) w.go();
    const reports = await within(Promise.all(workers.map((w) => w.done)), 40_000, "both workers to drain the queue");
    for (const w of workers) expect(await within(w.exited, 10_000, "a worker to exit")).toEqual({ code: 0, signal: null });

    // Both claimed (they really ran side by side), and together they ran each one once.
    for (const report of reports) {
      expect(report.ran).toBeGreaterThan(0);
      expect(report.outcomes).toEqual({ succeeded: report.ran });
    }
    expect(reports[0].ran + reports[1].ran).toBe(50);

    const keys = requestsTo("/fanout").map((r) => String(r.headers["idempotency-key"]));
    expect(keys).toHaveLength(50);
    expect(new Set(keys).size).toBe(50);
    expect([...keys].sort()).toEqual(ids.map((id) => `${id}:post`).sort());

    const rows = await f.handle.db.select().from(executions).where(eq(executions.flowId, flowId));
    expect(rows).toHaveLength(50);
    expect(rows.every((r) => r.status === "succeeded" && r.attempt === 1 && r.leaseOwner === null)).toBe(true);
    const steps = await f.handle.db.select().from(executionSteps).where(inArray(executionSteps.executionId, ids));
    expect(steps).toHaveLength(50);
    expect(steps.every((s) => s.stepKey === "post" && s.status === "succeeded" && s.httpStatus === 200)).toBe(true);
  }, 60_000);
});
