import { DecryptionError } from "./errors";
import { KEY_ID_PATTERN } from "./key-ring";

/*
 * Stored-secret format, version 1 — one ASCII line, safe in a text column, JSON or a URL:
 *
 *   jv1.<keyId>.<iv>.<sealed>
 *
 *   jv1     format version. A new format gets a new prefix; rows in this one stay readable.
 *   keyId   id of the key-ring key that sealed it, [a-z0-9_-]{1,32} (never contains ".").
 *   iv      base64url, unpadded, of the random 12-byte AES-256-GCM nonce: always 16 characters.
 *   sealed  base64url, unpadded, of the ciphertext followed by the 16-byte GCM tag
 *           (the ciphertext is as long as the UTF-8 plaintext; JSON for objects).
 *
 * The associated data is authenticated but not stored: the UTF-8 JSON array
 *   ["jv1", keyId, table, rowId, workspaceId]
 * so a ciphertext copied to another table, row or workspace, or relabelled with another key
 * id, fails the tag check. Example (a 5-byte plaintext, 21 sealed bytes):
 *   jv1.k2025.US6cc403LpSpJPrh.8DZ2Onoik_FAZAqgfvfb22npSjj8
 */

export const FORMAT_VERSION = "jv1";
export const IV_BYTES = 12;
export const TAG_BYTES = 16;

export interface Envelope {
  readonly keyId: string;
  readonly iv: Buffer;
  /** Ciphertext followed by the GCM tag. */
  readonly sealed: Buffer;
}

const BASE64URL = /^[A-Za-z0-9_-]+$/;

export function formatEnvelope({ keyId, iv, sealed }: Envelope): string {
  return [FORMAT_VERSION, keyId, iv.toString("base64url"), sealed.toString("base64url")].join(".");
}

/** Split a stored secret into its parts; throws DecryptionError("malformed") on any deviation. */
export function parseEnvelope(text: unknown): Envelope {
  if (typeof text !== "string") throw malformed(`expected a string, got ${text === null ? "null" : typeof text}`);
  const parts = text.split(".");
  if (parts[0] !== FORMAT_VERSION) throw malformed(`it does not start with "${FORMAT_VERSION}."`);
  if (parts.length !== 4) throw malformed(`expected 4 dot-separated parts, found ${parts.length}`);
  const [, keyId, ivText, sealedText] = parts;
  if (!KEY_ID_PATTERN.test(keyId)) throw malformed("the key id is not valid");
  const iv = decodeBase64url(ivText);
  if (!iv || iv.length !== IV_BYTES) throw malformed(`the IV is not ${IV_BYTES} base64url-encoded bytes`);
  const sealed = decodeBase64url(sealedText);
  if (!sealed || sealed.length < TAG_BYTES) throw malformed("the sealed part is not valid base64url or too short");
  return { keyId, iv, sealed };
}

function decodeBase64url(text: string): Buffer | null {
  if (!BASE64URL.test(text)) return null;
  const bytes = Buffer.from(text, "base64url");
  // Reject non-canonical text (stray trailing bits) so every character is covered by the check.
  return bytes.toString("base64url") === text ? bytes : null;
}

function malformed(detail: string): DecryptionError {
  return new DecryptionError("malformed", `Not a valid Junction ciphertext: ${detail}`);
}
