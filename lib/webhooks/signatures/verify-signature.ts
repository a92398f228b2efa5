import type { SignatureSpec } from "@/lib/connectors/types";
import { schemeVerifiers } from "./schemes";
import { fail, type VerifyInput, type VerifyResult } from "./types";

/**
 * Checks an incoming webhook against its connector's SignatureSpec, over the raw body bytes.
 * A failure's `reason` is meant for the 401 body and never reveals the secret or the digest.
 */
export function verifySignature(spec: SignatureSpec, input: VerifyInput): VerifyResult {
  const verifier = Object.hasOwn(schemeVerifiers, spec.scheme) ? schemeVerifiers[spec.scheme] : undefined;
  if (!verifier) return fail("unsupported signature scheme");
  return verifier.verify(spec, input);
}

/** The header names a scheme reads, in the casing the service documents (to store with an event). */
export function signatureHeaders(spec: SignatureSpec): string[] {
  const verifier = Object.hasOwn(schemeVerifiers, spec.scheme) ? schemeVerifiers[spec.scheme] : undefined;
  return verifier ? verifier.headers(spec) : [];
}
