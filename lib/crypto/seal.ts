import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import type { ZodType } from "zod";
import { assertAad, describeAad, encodeAad, type SecretAad } from "./associated-data";
import { DecryptionError } from "./errors";
import { formatEnvelope, IV_BYTES, parseEnvelope, TAG_BYTES } from "./format";
import type { KeyRing } from "./key-ring";

// Seal and open stored secrets (connection credentials, webhook signing secrets) with
// AES-256-GCM. The format is described in ./format.ts.

const ALGORITHM = "aes-256-gcm";
const LONE_SURROGATE = /\p{Surrogate}/u;
const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** Encrypt under the ring's active key. Objects are stored as JSON; read them with decryptJson. */
export function encryptSecret(ring: KeyRing, plaintext: string | object, aad: SecretAad): string {
  assertAad(aad);
  const data = Buffer.from(toText(plaintext), "utf8");
  try {
    const { id, secret } = ring.active;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, secret, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(encodeAad(id, aad));
    const sealed = Buffer.concat([cipher.update(data), cipher.final(), cipher.getAuthTag()]);
    return formatEnvelope({ keyId: id, iv, sealed });
  } finally {
    data.fill(0);
  }
}

/** Open a secret sealed for exactly this table, row and workspace, under any key in the ring. */
export function decryptSecret(ring: KeyRing, ciphertext: string, aad: SecretAad): string {
  assertAad(aad);
  const { keyId, iv, sealed } = parseEnvelope(ciphertext);
  const key = ring.keys.get(keyId);
  if (!key) {
    throw new DecryptionError(
      "unknown-key",
      `Cannot decrypt the secret of ${describeAad(aad)}: it was sealed with key id "${keyId}", ` +
        `which is not in the key ring (${[...ring.keys.keys()].join(", ")}). Add that key back to JUNCTION_ENCRYPTION_KEYS (or the embedded key file).`,
      keyId,
    );
  }
  const decipher = createDecipheriv(ALGORITHM, key.secret, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(encodeAad(keyId, aad));
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
  let plain: Buffer;
  try {
    // update() output is unauthenticated until final() passes; nothing escapes before that.
    plain = Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES)), decipher.final()]);
  } catch {
    throw new DecryptionError(
      "authentication-failed",
      `Cannot decrypt the secret of ${describeAad(aad)}: authentication failed — the ciphertext was altered, ` +
        `or it belongs to another table, row or workspace.`,
      keyId,
    );
  }
  try {
    return utf8.decode(plain);
  } catch {
    throw new DecryptionError("malformed", `The secret of ${describeAad(aad)} is not valid UTF-8.`, keyId);
  } finally {
    plain.fill(0);
  }
}

/**
 * Open a secret stored as JSON. With a zod schema the value is validated; without one the
 * result is cast to T, which is sound only for values this app sealed with encryptSecret.
 */
export function decryptJson<T = unknown>(
  ring: KeyRing,
  ciphertext: string,
  aad: SecretAad,
  schema?: ZodType<T>,
): T {
  const text = decryptSecret(ring, ciphertext, aad);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // JSON.parse errors quote the input, i.e. the plaintext: never chain them.
    throw new DecryptionError("invalid-json", `The secret of ${describeAad(aad)} is not JSON.`);
  }
  if (!schema) return value as T;
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  // Only the paths: issue messages of custom refinements could quote values.
  const paths = [...new Set(result.error.issues.map((i) => i.path.map(String).join(".") || "(root)"))];
  throw new DecryptionError(
    "invalid-json",
    `The secret of ${describeAad(aad)} does not have the expected shape (at ${paths.join(", ")}).`,
  );
}

/** True when the secret is not sealed under the active key. Reads the header only. */
export function needsRotation(ring: KeyRing, ciphertext: string): boolean {
  return parseEnvelope(ciphertext).keyId !== ring.active.id;
}

/** Open with whichever key sealed it and seal again under the active key (fresh IV). */
export function reencrypt(ring: KeyRing, ciphertext: string, aad: SecretAad): string {
  return encryptSecret(ring, decryptSecret(ring, ciphertext, aad), aad);
}

function toText(plaintext: string | object): string {
  if (typeof plaintext === "string") {
    if (LONE_SURROGATE.test(plaintext)) throw new TypeError("plaintext is not well-formed Unicode (lone surrogate)");
    return plaintext;
  }
  if (typeof plaintext !== "object" || plaintext === null) {
    throw new TypeError("plaintext must be a string or a JSON-serializable object");
  }
  let json: string | undefined;
  try {
    json = JSON.stringify(plaintext);
  } catch {
    json = undefined;
  }
  if (json === undefined) throw new TypeError("plaintext object cannot be serialized to JSON");
  return json;
}
