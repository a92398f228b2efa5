import type { SignatureSpec } from "@/lib/connectors/types";

export type HeaderInput = Headers | Record<string, string>;

export interface VerifyInput {
  /** The body exactly as received: signatures cover bytes, not parsed JSON. */
  rawBody: Uint8Array;
  headers: HeaderInput;
  /** The decrypted signing secret, as the user pasted it. */
  secret: string;
  /** Injectable clock for the timestamp tolerance; defaults to the current time. */
  now?: Date;
}

/** `reason` is safe to send in a 401 body: it never holds the secret or an expected digest. */
export type VerifyResult = { ok: true } | { ok: false; reason: string };

/** One signature scheme: which headers it reads and how it checks them. */
export interface SchemeVerifier {
  headers(spec: SignatureSpec): string[];
  verify(spec: SignatureSpec, input: VerifyInput): VerifyResult;
}

export const OK: VerifyResult = { ok: true };

export function fail(reason: string): VerifyResult {
  return { ok: false, reason };
}
