// Small helpers for printing benchmark numbers.
import { execFileSync } from "node:child_process";
import os from "node:os";

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

export function summary(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: percentile(sorted, 50), p95: percentile(sorted, 95), min: sorted[0], max: sorted[sorted.length - 1], count: sorted.length };
}

export const int = (n: number) => Math.round(n).toLocaleString("en-US");
export const ms = (n: number, digits = 3) => `${n.toFixed(digits)} ms`;

export function machine(): string {
  const cpu = os.cpus()[0]?.model?.trim() ?? "unknown CPU";
  return `node ${process.version}, ${os.cpus().length} cores (${cpu}), ${Math.round(os.totalmem() / 2 ** 30)} GiB`;
}

/** "met" or "MISSED" beside a number, so a missed target is never hidden. */
export function verdict(met: boolean): string {
  return met ? "met" : "MISSED";
}

/** The commit the numbers belong to ("+ local changes" when the tree is dirty outside bench/). */
export function codeVersion(): string {
  try {
    const head = execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain", "--", ".", ":!bench"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    return dirty ? `${head} + local changes` : head;
  } catch {
    return "unknown commit";
  }
}
