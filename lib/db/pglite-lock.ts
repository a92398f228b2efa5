import fs from "node:fs";
import os from "node:os";
import path from "node:path";

// PGlite is one process per data folder: a second opener would silently lose data. The
// lock file names the holder so the message can say who has it; a lock left by a process
// that no longer exists is taken over.

export class DatabaseLockedError extends Error {
  constructor(
    public readonly dataDir: string,
    public readonly holderPid: number,
  ) {
    super(
      `The embedded database in ${dataDir} is in use by another Junction process (pid ${holderPid}). ` +
        `Stop that process first (the server, a worker or a CLI command), ` +
        `or set DATABASE_URL to use a PostgreSQL server that several processes can share.`,
    );
    this.name = "DatabaseLockedError";
  }
}

const LOCK_NAME = "junction.lock";

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Takes the folder's lock or throws DatabaseLockedError; returns the release function. */
export function acquireDataDirLock(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, LOCK_NAME);
  const content = JSON.stringify({ pid: process.pid, host: os.hostname(), since: new Date().toISOString() });

  for (let tries = 0; tries < 3; tries++) {
    try {
      fs.writeFileSync(lockPath, content, { flag: "wx", mode: 0o600 });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off("exit", release);
        try {
          const holder = JSON.parse(fs.readFileSync(lockPath, "utf8")) as { pid?: number };
          if (holder.pid === process.pid) fs.unlinkSync(lockPath);
        } catch {
          // Already gone: nothing to release.
        }
      };
      process.on("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    let holderPid = 0;
    try {
      holderPid = Number((JSON.parse(fs.readFileSync(lockPath, "utf8")) as { pid?: number }).pid) || 0;
    } catch {
      // Unreadable or half-written lock: treat as stale.
    }
    if (holderPid && holderPid !== process.pid && isAlive(holderPid)) {
      throw new DatabaseLockedError(dataDir, holderPid);
    }
    if (holderPid === process.pid) {
      throw new Error(`The embedded database in ${dataDir} is already open in this process.`);
    }
    fs.rmSync(lockPath, { force: true });
  }
  throw new Error(`Could not take the lock on ${path.join(dataDir, LOCK_NAME)}.`);
}
