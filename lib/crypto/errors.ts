// Typed failures of the crypto module. Messages name variables, files, entries, key ids and
// row coordinates — never plaintext, key material or the ciphertext itself, so they are safe
// to log and to show an operator.

/** `JUNCTION_ENCRYPTION_KEYS` or the embedded key file is missing, unreadable or wrong. */
export class KeyRingError extends Error {
  /** The variable name or file path the problem was found in. */
  readonly source: string;

  constructor(source: string, message: string) {
    super(message);
    this.name = "KeyRingError";
    this.source = source;
  }
}

export type DecryptionFailure =
  /** Not a Junction ciphertext: wrong prefix, shape, encoding or length. */
  | "malformed"
  /** Sealed under a key id the key ring does not hold (removed too early, or another install). */
  | "unknown-key"
  /** GCM tag check failed: tampered, or presented with another table, row or workspace. */
  | "authentication-failed"
  /** Authentic, but not the JSON (or the shape) the caller asked for. */
  | "invalid-json";

/** A stored secret could not be opened. Nothing partial is ever returned alongside it. */
export class DecryptionError extends Error {
  readonly reason: DecryptionFailure;
  /** The key id from the ciphertext header, when it could be read. */
  readonly keyId: string | undefined;

  constructor(reason: DecryptionFailure, message: string, keyId?: string) {
    super(message);
    this.name = "DecryptionError";
    this.reason = reason;
    this.keyId = keyId;
  }
}
