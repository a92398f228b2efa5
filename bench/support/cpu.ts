// CPU time spent by groups of processes, read from /proc (Linux). On a machine shared with
// other work, throughput numbers move with the load; CPU milliseconds per request do not, and
// they say what the throughput would be on an otherwise idle machine.
import { readFileSync, readdirSync } from "node:fs";

const TICKS_PER_SECOND = 100;

interface ProcStat {
  pid: number;
  pgid: number;
  cpuMs: number;
}

function readStat(pid: number): ProcStat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name is in parentheses and may contain spaces: split after the last ')'.
    const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
    // fields[0] is state (field 3); pgrp is field 5, utime 14, stime 15.
    const pgid = Number(fields[2]);
    const ticks = Number(fields[11]) + Number(fields[12]);
    return { pid, pgid, cpuMs: (ticks * 1000) / TICKS_PER_SECOND };
  } catch {
    return null;
  }
}

function pids(): number[] {
  return readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .map(Number);
}

/** CPU ms used so far by every process in process group `pgid`. */
export function groupCpuMs(pgid: number): number {
  let total = 0;
  for (const pid of pids()) {
    const stat = readStat(pid);
    if (stat && stat.pgid === pgid) total += stat.cpuMs;
  }
  return total;
}

/** CPU ms used so far by the PostgreSQL backends connected to `database`. */
export function postgresCpuMs(database: string): number {
  let total = 0;
  for (const pid of pids()) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8");
      if (!cmdline.startsWith("postgres:") || !cmdline.includes(` ${database} `)) continue;
    } catch {
      continue;
    }
    total += readStat(pid)?.cpuMs ?? 0;
  }
  return total;
}
