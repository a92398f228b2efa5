import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { acquireDataDirLock, DatabaseLockedError } from "./pglite-lock";

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "junction-lock-"));
}

describe("the PGlite data folder lock", () => {
  it("refuses a second holder while a live process has it, naming the pid", async () => {
    const dir = tempDir();
    // A real second process holds the lock.
    const holder = spawn(process.execPath, [
      "-e",
      `require('fs').writeFileSync(${JSON.stringify(path.join(dir, "junction.lock"))}, JSON.stringify({pid: process.pid})); setTimeout(() => {}, 20000)`,
    ]);
    try {
      await new Promise<void>((resolve) => {
        const poll = () => (fs.existsSync(path.join(dir, "junction.lock")) ? resolve() : setTimeout(poll, 20));
        poll();
      });
      let error: unknown;
      try {
        acquireDataDirLock(dir);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(DatabaseLockedError);
      expect(String((error as Error).message)).toContain(`pid ${holder.pid}`);
    } finally {
      holder.kill("SIGKILL");
    }
  });

  it("takes over a lock left by a process that died", async () => {
    const dir = tempDir();
    const dead = spawn(process.execPath, ["-e", "0"]);
    await new Promise((r) => dead.on("exit", r));
    fs.writeFileSync(path.join(dir, "junction.lock"), JSON.stringify({ pid: dead.pid }));
    const release = acquireDataDirLock(dir);
    expect(JSON.parse(fs.readFileSync(path.join(dir, "junction.lock"), "utf8")).pid).toBe(process.pid);
    release();
    expect(fs.existsSync(path.join(dir, "junction.lock"))).toBe(false);
  });

  it("can be taken again after release", () => {
    const dir = tempDir();
    acquireDataDirLock(dir)();
    acquireDataDirLock(dir)();
  });
});
