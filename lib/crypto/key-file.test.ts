import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { KeyRingError } from "./errors";
import { KEY_FILE_NAME, loadKeyRing } from "./key-file";
import type { KeyRing } from "./key-ring";
import { decryptSecret, encryptSecret } from "./seal";

const posix = process.platform !== "win32";
const aad = { table: "connections", rowId: "conn_1", workspaceId: "ws_1" };
let dataDir: string;

beforeEach(async () => {
  dataDir = path.join(await mkdtemp(path.join(os.tmpdir(), "junction-crypto-")), "data");
});
afterEach(async () => {
  await rm(path.dirname(dataDir), { recursive: true, force: true });
});

function sameKey(a: KeyRing, b: KeyRing): boolean {
  return a.active.id === b.active.id && a.active.secret.equals(b.active.secret);
}

describe("loadKeyRing", () => {
  it("uses JUNCTION_ENCRYPTION_KEYS when set and writes no file", async () => {
    const ring = await loadKeyRing({ envValue: `prod:${randomBytes(32).toString("base64")}`, dataDir });
    expect(ring.active.id).toBe("prod");
    await expect(stat(dataDir)).rejects.toThrow(/ENOENT/);
  });

  it("reports a bad env value instead of falling back to the file", async () => {
    await expect(loadKeyRing({ envValue: "prod:short", dataDir })).rejects.toThrow(KeyRingError);
  });

  it.each([undefined, "", "  "])("generates a 0600 key file on first run (env %j) and reuses it", async (envValue) => {
    const first = await loadKeyRing({ envValue, dataDir });
    const file = path.join(dataDir, KEY_FILE_NAME);
    if (posix) {
      expect((await stat(file)).mode & 0o777).toBe(0o600);
      expect((await stat(dataDir)).mode & 0o777).toBe(0o700);
    }
    expect(first.active.id).toMatch(/^local-[0-9a-f]{6}$/);
    const second = await loadKeyRing({ envValue, dataDir });
    expect(sameKey(first, second)).toBe(true);
    expect(decryptSecret(second, encryptSecret(first, "sk_live_123", aad), aad)).toBe("sk_live_123");
    expect(await readdir(dataDir)).toEqual([KEY_FILE_NAME]);
  });

  it("gives every concurrent first call in one process the same key", async () => {
    const rings = await Promise.all(Array.from({ length: 16 }, () => loadKeyRing({ dataDir })));
    for (const ring of rings) expect(sameKey(ring, rings[0])).toBe(true);
    expect(await readdir(dataDir)).toEqual([KEY_FILE_NAME]);
  });

  it("gives concurrent first starts in separate processes the same key", async () => {
    const moduleUrl = new URL("./key-file.ts", import.meta.url).href;
    const startAt = Date.now() + 2_000;
    const script = `
      const { loadKeyRing } = await import(${JSON.stringify(moduleUrl)});
      await new Promise((r) => setTimeout(r, ${startAt} - Date.now()));
      const ring = await loadKeyRing({ dataDir: process.argv[1] });
      process.stdout.write(ring.active.id + ":" + ring.active.secret.export().toString("hex"));`;
    const cwd = fileURLToPath(new URL("../..", import.meta.url));
    const run = () =>
      new Promise<string>((resolve, reject) => {
        const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script, dataDir], { cwd });
        let out = "";
        let err = "";
        child.stdout.on("data", (d) => (out += d));
        child.stderr.on("data", (d) => (err += d));
        child.on("error", reject);
        child.on("close", (code) => (code === 0 ? resolve(out) : reject(new Error(`child exited ${code}: ${err}`))));
      });
    const outputs = await Promise.all(Array.from({ length: 6 }, run));
    expect(new Set(outputs).size).toBe(1);
    const ring = await loadKeyRing({ dataDir });
    expect(outputs[0]).toBe(`${ring.active.id}:${ring.active.secret.export().toString("hex")}`);
    expect(await readdir(dataDir)).toEqual([KEY_FILE_NAME]);
  });

  it.runIf(posix)("refuses a key file readable by others, without printing the key", async () => {
    await loadKeyRing({ dataDir });
    const file = path.join(dataDir, KEY_FILE_NAME);
    await chmod(file, 0o644);
    const error = await loadKeyRing({ dataDir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KeyRingError);
    expect((error as Error).message).toContain(`${file} has permissions 0644`);
    expect((error as Error).message).toContain("chmod 600");
    const material = (await readFile(file, "utf8")).trim().split("\n").at(-1)!.split(":")[1];
    expect((error as Error).message).not.toContain(material.slice(0, 12));
  });

  it("reads an operator-edited file: first line active, comments skipped, older keys kept", async () => {
    const generated = await loadKeyRing({ dataDir });
    const file = path.join(dataDir, KEY_FILE_NAME);
    const old = await readFile(file, "utf8");
    await writeFile(file, `# rotated\nnext:${randomBytes(32).toString("hex")}\n${old}`);
    const ring = await loadKeyRing({ dataDir });
    expect(ring.active.id).toBe("next");
    expect(ring.keys.has(generated.active.id)).toBe(true);
  });

  it("names the file and line of a bad entry", async () => {
    await mkdir(dataDir, { recursive: true });
    const file = path.join(dataDir, KEY_FILE_NAME);
    await writeFile(file, `# keys\nk1:${randomBytes(32).toString("base64")}\nk2:${randomBytes(16).toString("base64")}\n`, { mode: 0o600 });
    await expect(loadKeyRing({ dataDir })).rejects.toThrow(`${file} line 3 (key id "k2"): the key decodes to 16 bytes`);
  });

  it("refuses a key file without keys", async () => {
    await mkdir(dataDir, { recursive: true });
    await writeFile(path.join(dataDir, KEY_FILE_NAME), "# nothing\n", { mode: 0o600 });
    await expect(loadKeyRing({ dataDir })).rejects.toThrow(/holds no key/);
  });
});
