import { randomBytes } from "node:crypto";
import { link, mkdir, open, rename, unlink } from "node:fs/promises";
import path from "node:path";
import { KeyRingError } from "./errors";
import { generateKeyEntry, type KeyRing, keyRingFromEntries, parseKeyRing } from "./key-ring";

// Where the key ring comes from. JUNCTION_ENCRYPTION_KEYS wins; without it (embedded mode) the
// ring is read from <dataDir>/encryption-key, which the first start generates. The file holds
// the same "<keyId>:<key>" entries, one per line (first active, "#" comments), so an operator
// can rotate by adding a line on top.

export const KEY_FILE_NAME = "encryption-key";

export interface LoadKeyRingOptions {
  /** `loadEnv().JUNCTION_ENCRYPTION_KEYS`; empty or undefined selects the key file. */
  envValue?: string | undefined;
  /** `loadEnv().JUNCTION_DATA_DIR`. */
  dataDir: string;
}

const KEY_FILE_HEADER = [
  "# Junction encryption key ring (embedded mode). Back this file up with the database:",
  "# without it the stored credentials cannot be decrypted. Never share or commit it.",
  "# One <keyId>:<base64 of 32 bytes> per line; the first line is the active key.",
].join("\n");

// Codes with which link() says the filesystem has no hard links; we then create in place.
const NO_HARD_LINKS = new Set(["EPERM", "ENOTSUP", "EOPNOTSUPP", "ENOSYS", "EINVAL"]);
const EMPTY_FILE_RETRIES = 40;
const EMPTY_FILE_WAIT_MS = 50;

export async function loadKeyRing({ envValue, dataDir }: LoadKeyRingOptions): Promise<KeyRing> {
  if (envValue !== undefined && envValue.trim() !== "") return parseKeyRing(envValue);

  const file = path.resolve(dataDir, KEY_FILE_NAME);
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const existing = await readKeyFile(file);
  if (existing) return existing;
  await createKeyFile(file);
  // Read back rather than use what we wrote: a concurrent starter may have won the race.
  const created = await readKeyFile(file);
  if (!created) throw new KeyRingError(file, `${file} vanished right after it was created`);
  return created;
}

/** The ring in the key file, or null when there is no file. */
async function readKeyFile(file: string): Promise<KeyRing | null> {
  for (let attempt = 0; ; attempt++) {
    const content = await readPrivateFile(file);
    if (content === null) return null;
    // Only on filesystems without hard links can a reader see the new file before it is written.
    if (content === "" && attempt < EMPTY_FILE_RETRIES) {
      await new Promise((resolve) => setTimeout(resolve, EMPTY_FILE_WAIT_MS));
      continue;
    }
    const entries = content
      .split(/\r?\n/)
      .map((text, i) => ({ label: `${file} line ${i + 1}`, text }))
      .filter(({ text }) => text.trim() !== "" && !text.trim().startsWith("#"));
    if (entries.length > 0) return keyRingFromEntries(entries, file);
    throw new KeyRingError(
      file,
      `${file} holds no key. If this Junction has never stored a credential, delete the file and start ` +
        `again to generate a new key; otherwise restore it from a backup, or set JUNCTION_ENCRYPTION_KEYS.`,
    );
  }
}

async function readPrivateFile(file: string): Promise<string | null> {
  let handle;
  try {
    handle = await open(file, "r");
  } catch (error) {
    if (errorCode(error) === "ENOENT") return null;
    throw new KeyRingError(file, `Cannot open the encryption key file ${file} (${errorCode(error) ?? "unknown error"})`);
  }
  try {
    // fstat on the open handle: the checked file is the one read, even if the path is swapped.
    const stats = await handle.stat();
    if (!stats.isFile()) throw new KeyRingError(file, `${file} is not a regular file`);
    const loose = stats.mode & 0o077;
    if (loose !== 0 && process.platform !== "win32") {
      throw new KeyRingError(
        file,
        `${file} has permissions ${(stats.mode & 0o777).toString(8).padStart(4, "0")}, but it holds the encryption ` +
          `key and must be readable by its owner only. Fix it with: chmod 600 ${JSON.stringify(file)}`,
      );
    }
    return await handle.readFile("utf8");
  } finally {
    await handle.close();
  }
}

/**
 * Write a new key where no key file exists, atomically: the complete file is written to a
 * unique temporary name, then hard-linked to the final name, which fails if another process
 * got there first. So concurrent first starts all end up with the winner's key, and a crash
 * never leaves a half-written key file behind.
 */
async function createKeyFile(file: string): Promise<void> {
  const content = `${KEY_FILE_HEADER}\n${generateKeyEntry(`local-${randomBytes(3).toString("hex")}`)}\n`;
  const temp = `${file}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`;
  await writeNewFile(temp, content);
  try {
    await link(temp, file);
  } catch (error) {
    const code = errorCode(error);
    if (code === "EEXIST") return;
    if (!code || !NO_HARD_LINKS.has(code)) throw error;
    await writeNewFile(file, content).catch((e: unknown) => {
      if (errorCode(e) !== "EEXIST") throw e;
    });
  } finally {
    await unlink(temp).catch(() => undefined);
  }
  await syncDirectory(path.dirname(file));
}

async function writeNewFile(file: string, content: string): Promise<void> {
  // 'wx' = O_CREAT | O_EXCL: never overwrites; 0600 before a single byte is written.
  const handle = await open(file, "wx", 0o600);
  try {
    await handle.writeFile(content, "utf8");
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function syncDirectory(dir: string): Promise<void> {
  // Best effort (not possible on Windows): make the new directory entry survive a power cut.
  try {
    const handle = await open(dir, "r");
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // ignore
  }
}

function errorCode(error: unknown): string | undefined {
  return typeof error === "object" && error !== null && "code" in error && typeof error.code === "string"
    ? error.code
    : undefined;
}

/**
 * Puts a newly generated key on top of the key file (it becomes the active key; the old ones
 * stay for decryption) and returns its id. Used by `junction keys rotate` in embedded mode,
 * while the server is stopped; the file is replaced atomically (write, fsync, rename).
 */
export async function addKeyToKeyFile(dataDir: string): Promise<string> {
  const file = path.resolve(dataDir, KEY_FILE_NAME);
  const current = await readPrivateFile(file);
  if (current === null) throw new KeyRingError(file, `${file} does not exist yet; start Junction once to create it`);
  const id = `local-${randomBytes(3).toString("hex")}`;
  const lines = current.split(/\r?\n/);
  const firstKey = lines.findIndex((l) => l.trim() !== "" && !l.trim().startsWith("#"));
  lines.splice(firstKey === -1 ? lines.length : firstKey, 0, generateKeyEntry(id));
  const temp = `${file}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`;
  await writeNewFile(temp, lines.join("\n"));
  await rename(temp, file);
  await syncDirectory(path.dirname(file));
  return id;
}
