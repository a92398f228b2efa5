// Where the time goes: statements per kind with their latency, and CPU seconds of this
// process, the PostgreSQL server, the bench servers' child and everything else on the machine.
import fs from "node:fs";
import os from "node:os";
import { PostgresJsPreparedQuery } from "drizzle-orm/postgres-js";

export interface QueryCounter {
  total(): number;
  /** Per kind of statement: how many, and their median latency (send to rows mapped) in ms. */
  byKind(): { kind: string; count: number; medianMs: number }[];
  reset(): void;
}

function kindOf(query: string): string {
  const q = query.replace(/\s+/g, " ").trim().toLowerCase();
  const write = /^(insert into|update|delete from) "?([a-z_]+)"?/.exec(q);
  const read = /^select .*? from "?([a-z_]+)"?/.exec(q);
  const kind = write ? `${write[1]} ${write[2]}` : read ? `select from ${read[1]}` : q.slice(0, 40);
  return `${kind}${/ on conflict /.test(q) ? " (upsert)" : ""}${/ for update skip locked/.test(q) ? " (claim)" : ""}`;
}

let installed: Map<string, number[]> | undefined;

/**
 * Times every statement drizzle runs on postgres-js (a wrapper around its prepared query's
 * execute, installed once for the process; bench only). Latency includes waiting for a pool
 * connection and mapping the rows.
 */
export function instrumentQueries(): QueryCounter {
  if (!installed) {
    const timings = new Map<string, number[]>();
    installed = timings;
    const proto = PostgresJsPreparedQuery.prototype as unknown as { execute(...args: unknown[]): Promise<unknown>; queryString: string };
    const original = proto.execute;
    proto.execute = async function (this: { queryString: string }, ...args: unknown[]) {
      const started = performance.now();
      try {
        return await original.apply(this, args);
      } finally {
        const kind = kindOf(this.queryString);
        let list = timings.get(kind);
        if (!list) timings.set(kind, (list = []));
        list.push(performance.now() - started);
      }
    };
  }
  const timings = installed;
  return {
    total: () => [...timings.values()].reduce((n, list) => n + list.length, 0),
    byKind: () =>
      [...timings.entries()]
        .map(([kind, list]) => {
          const sorted = [...list].sort((a, b) => a - b);
          return { kind, count: list.length, medianMs: sorted[Math.floor(sorted.length / 2)] };
        })
        .sort((a, b) => b.count - a.count),
    reset: () => timings.clear(),
  };
}

const TICK = 100; // USER_HZ on Linux

function cpuSecondsOf(pid: string): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / TICK; // utime + stime
  } catch {
    return 0;
  }
}

/** CPU seconds used by every `postgres` process on the machine (the server and its backends). */
export function postgresCpuSeconds(): number {
  let total = 0;
  for (const pid of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      if (fs.readFileSync(`/proc/${pid}/comm`, "utf8").trim() !== "postgres") continue;
    } catch {
      continue;
    }
    total += cpuSecondsOf(pid);
  }
  return total;
}

/** CPU seconds the whole machine spent busy (every core; /proc/stat minus idle and iowait). */
export function machineBusySeconds(): number {
  try {
    const line = fs.readFileSync("/proc/stat", "utf8").split("\n")[0];
    const [user, nice, system, idle, iowait, irq, softirq, steal] = line.trim().split(/\s+/).slice(1).map(Number);
    void idle;
    void iowait;
    return (user + nice + system + irq + softirq + (steal || 0)) / TICK;
  } catch {
    return NaN;
  }
}

export interface CpuSample {
  wall: number;
  node: number;
  postgres: number;
  child: number;
  machine: number;
}

export function cpuSample(childPid?: number): CpuSample {
  const usage = process.cpuUsage();
  return {
    wall: performance.now() / 1000,
    node: (usage.user + usage.system) / 1e6,
    postgres: postgresCpuSeconds(),
    child: childPid ? cpuSecondsOf(String(childPid)) : 0,
    machine: machineBusySeconds(),
  };
}

export interface CpuUse {
  /** Seconds of wall time between the samples. */
  wall: number;
  /** CPU seconds of this process, every postgres process, the child, and everything else. */
  node: number;
  postgres: number;
  child: number;
  other: number;
}

/** CPU seconds used between two samples; divide by `wall` for cores (1.00 = one core busy). */
export function cpuBetween(a: CpuSample, b: CpuSample): CpuUse {
  // A process that exits between the samples takes its CPU time with it: never below zero.
  const node = b.node - a.node;
  const postgres = Math.max(0, b.postgres - a.postgres);
  const child = Math.max(0, b.child - a.child);
  return { wall: b.wall - a.wall, node, postgres, child, other: Math.max(0, b.machine - a.machine - node - postgres - child) };
}

/** "node 0.48, postgres 0.40, sink 0.06, other processes 0.80 cores" */
export function describeCores(use: CpuUse, childName = "servers"): string {
  const c = (s: number) => (s / use.wall).toFixed(2);
  return `node ${c(use.node)}, postgres ${c(use.postgres)}, ${childName} ${c(use.child)}, other processes ${c(use.other)} (cores, of ${os.cpus().length})`;
}
