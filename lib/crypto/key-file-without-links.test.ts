import { link, mkdtemp, readdir, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { KEY_FILE_NAME, loadKeyRing } from "./key-file";

// Filesystems without hard links (some network and FUSE mounts): link() fails with EPERM and
// the key file is created in place with 'wx'.
vi.mock("node:fs/promises", async (importOriginal) => ({
  ...(await importOriginal<typeof import("node:fs/promises")>()),
  link: vi.fn(async () => {
    throw Object.assign(new Error("operation not permitted"), { code: "EPERM" });
  }),
}));

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), "junction-crypto-"));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

it("falls back to an exclusive create, still one key for concurrent first calls", async () => {
  const rings = await Promise.all(Array.from({ length: 16 }, () => loadKeyRing({ dataDir })));
  for (const ring of rings) {
    expect(ring.active.id).toBe(rings[0].active.id);
    expect(ring.active.secret.equals(rings[0].active.secret)).toBe(true);
  }
  expect(vi.mocked(link)).toHaveBeenCalled();
  expect(await readdir(dataDir)).toEqual([KEY_FILE_NAME]);
  if (process.platform !== "win32") expect((await stat(path.join(dataDir, KEY_FILE_NAME))).mode & 0o777).toBe(0o600);
});
