// Starts bench/support/servers.mjs in a child process and talks to it over IPC.
import { fork, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

export interface ServerStats {
  requests: number;
  connections: number;
  records: number;
  bytes: number;
  badBodies: number;
  sourcePages: number;
  sourceRecords: number;
  keys?: Record<string, number>;
}

export interface BenchServers {
  pid: number;
  sinkOrigin: string;
  sourceOrigin: string;
  /** host:port pairs for JUNCTION_OUTBOUND_ALLOW. */
  allow: string[];
  stats(): Promise<ServerStats>;
  reset(): Promise<void>;
  close(): Promise<void>;
}

export async function startServers(options: { sourceRecords?: number; keepKeys?: boolean; lifetimeMs?: number } = {}): Promise<BenchServers> {
  const child: ChildProcess = fork(fileURLToPath(new URL("./servers.mjs", import.meta.url)), [], {
    env: {
      ...process.env,
      BENCH_SOURCE_RECORDS: String(options.sourceRecords ?? 0),
      BENCH_SINK_KEYS: options.keepKeys ? "1" : "0",
      BENCH_SERVER_LIFETIME_MS: String(options.lifetimeMs ?? 600_000),
    },
    execArgv: [],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const ask = <T>(message: object, pick: (m: Record<string, unknown>) => T | undefined): Promise<T> =>
    new Promise((resolve, reject) => {
      const onMessage = (m: Record<string, unknown>) => {
        const value = pick(m);
        if (value === undefined) return;
        child.off("message", onMessage);
        child.off("exit", onExit);
        resolve(value);
      };
      const onExit = () => reject(new Error("the bench servers process exited"));
      child.on("message", onMessage);
      child.once("exit", onExit);
      if (Object.keys(message).length) child.send(message);
    });
  const ready = await ask({}, (m) => (m.ready ? (m as { sinkPort: number; sourcePort: number }) : undefined));
  let exited = false;
  child.once("exit", () => (exited = true));
  return {
    pid: child.pid!,
    sinkOrigin: `http://127.0.0.1:${ready.sinkPort}`,
    sourceOrigin: `http://127.0.0.1:${ready.sourcePort}`,
    allow: [`127.0.0.1:${ready.sinkPort}`, `127.0.0.1:${ready.sourcePort}`],
    stats: () => ask({ cmd: "stats" }, (m) => m.stats as ServerStats | undefined),
    reset: () => ask({ cmd: "reset" }, (m) => (m.reset ? true : undefined)).then(() => undefined),
    async close() {
      if (exited) return;
      await new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.send({ cmd: "close" });
        setTimeout(() => {
          child.kill();
          resolve();
        }, 2000).unref();
      });
    },
  };
}
