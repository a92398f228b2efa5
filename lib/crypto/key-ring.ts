import { createSecretKey, randomBytes, type KeyObject } from "node:crypto";
import { KeyRingError } from "./errors";

// The key ring: every key that may open a stored secret, and the one active key that seals new
// ones. Parsed from `JUNCTION_ENCRYPTION_KEYS` ("<keyId>:<key>,<keyId>:<key>", first active) or
// from the embedded key file (same entries, one per line). Key bytes live only inside KeyObjects,
// which print as `SecretKeyObject {}`, so logging a ring leaks nothing.

export const KEYS_ENV_VAR = "JUNCTION_ENCRYPTION_KEYS";
export const KEY_ID_PATTERN = /^[a-z0-9_-]{1,32}$/;
export const KEY_BYTES = 32;

export interface RingKey {
  readonly id: string;
  readonly secret: KeyObject;
}

export interface KeyRing {
  /** Seals every new secret; `keys` also holds it. */
  readonly active: RingKey;
  /** Every key that may open a secret, by id, in configured order. */
  readonly keys: ReadonlyMap<string, RingKey>;
}

/** One raw entry and how to name it in an error, e.g. `JUNCTION_ENCRYPTION_KEYS entry 2`. */
export interface KeyEntry {
  readonly label: string;
  readonly text: string;
}

const HEX_KEY = /^[0-9a-fA-F]{64}$/;
const BASE64_KEY = /^(?:[A-Za-z0-9+/]+|[A-Za-z0-9_-]+)={0,2}$/;
const FORMAT_HINT = `"<keyId>:<key>" where the key is base64 of 32 random bytes (openssl rand -base64 32) or 64 hex characters`;

/** Parse the value of `JUNCTION_ENCRYPTION_KEYS`; throws KeyRingError naming the bad entry. */
export function parseKeyRing(value: string, source: string = KEYS_ENV_VAR): KeyRing {
  if (value.trim() === "") {
    throw new KeyRingError(source, `${source} is empty; expected one or more comma-separated ${FORMAT_HINT}`);
  }
  const entries = value.split(",").map((text, i) => ({ label: `${source} entry ${i + 1}`, text }));
  return keyRingFromEntries(entries, source);
}

/** Build a ring from labelled entries; the first is active. Shared by the env and file parsers. */
export function keyRingFromEntries(entries: readonly KeyEntry[], source: string): KeyRing {
  if (entries.length === 0) {
    throw new KeyRingError(source, `${source} holds no key; expected ${FORMAT_HINT}`);
  }
  const keys = new Map<string, RingKey>();
  const labels = new Map<string, string>();
  for (const entry of entries) {
    const key = parseEntry(entry, source);
    const earlier = labels.get(key.id);
    if (earlier) {
      throw new KeyRingError(source, `${earlier} and ${entry.label} both use key id "${key.id}"; key ids must be unique`);
    }
    labels.set(key.id, entry.label);
    keys.set(key.id, key);
  }
  const active = keys.values().next().value as RingKey;
  return Object.freeze({ active, keys });
}

/** A fresh `<keyId>:<base64 key>` entry, as written to the key file or pasted into the env. */
export function generateKeyEntry(keyId: string): string {
  if (!KEY_ID_PATTERN.test(keyId)) throw new TypeError(`key id must match ${KEY_ID_PATTERN}`);
  return `${keyId}:${randomBytes(KEY_BYTES).toString("base64")}`;
}

function parseEntry({ label, text }: KeyEntry, source: string): RingKey {
  const entry = text.trim();
  if (entry === "") {
    throw new KeyRingError(source, `${label} is empty (a doubled or trailing comma?); expected ${FORMAT_HINT}`);
  }
  const colon = entry.indexOf(":");
  if (colon === -1) {
    throw new KeyRingError(source, `${label} has no key id; expected ${FORMAT_HINT}`);
  }
  const id = entry.slice(0, colon).trim();
  // An id that fails the pattern is not echoed: it may be key material pasted in the wrong place.
  if (!KEY_ID_PATTERN.test(id)) {
    throw new KeyRingError(source, `${label} has an invalid key id; it must be 1 to 32 characters of a-z, 0-9, "_" or "-"`);
  }
  const where = `${label} (key id "${id}")`;
  const material = entry.slice(colon + 1).trim();
  if (material === "") throw new KeyRingError(source, `${where} has nothing after the ":"; expected ${FORMAT_HINT}`);

  // Base64 of 32 bytes is 43 or 44 characters, so a longer or shorter all-hex key was meant as hex.
  if (/^[0-9a-fA-F]+$/.test(material) && material.length !== 64 && material.length !== 43) {
    throw new KeyRingError(
      source,
      `${where}: the key looks like hex but has ${material.length} characters; it must be exactly 64 (openssl rand -hex 32)`,
    );
  }
  const bytes = decodeKeyMaterial(material);
  if (!bytes) {
    throw new KeyRingError(source, `${where}: the key is neither valid base64 nor 64 hex characters`);
  }
  try {
    if (bytes.length !== KEY_BYTES) {
      throw new KeyRingError(
        source,
        `${where}: the key decodes to ${bytes.length} bytes; it must be exactly ${KEY_BYTES} (openssl rand -base64 32)`,
      );
    }
    if (bytes.every((b) => b === bytes[0])) {
      throw new KeyRingError(source, `${where}: the key is not random (every byte is the same)`);
    }
    return Object.freeze({ id, secret: createSecretKey(bytes) });
  } finally {
    bytes.fill(0);
  }
}

function decodeKeyMaterial(material: string): Buffer | null {
  if (HEX_KEY.test(material)) return Buffer.from(material, "hex");
  if (!BASE64_KEY.test(material)) return null;
  const bytes = Buffer.from(material, "base64");
  // Buffer.from ignores stray bits and characters; insist the text is exactly what the bytes give.
  const canonical = bytes.toString("base64").replace(/=+$/, "");
  const given = material.replace(/=+$/, "").replace(/-/g, "+").replace(/_/g, "/");
  if (canonical !== given) {
    bytes.fill(0);
    return null;
  }
  return bytes;
}
