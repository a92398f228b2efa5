import { timingSafeEqual } from "node:crypto";

/**
 * Constant-time comparison of a received digest with the computed one. The length is not
 * secret (it follows from the algorithm), so a length mismatch may return early.
 */
export function safeEqual(received: Uint8Array, expected: Uint8Array): boolean {
  if (received.length !== expected.length) return false;
  return timingSafeEqual(received, expected);
}

/** True when any candidate matches; every candidate is compared in constant time. */
export function anySafeEqual(candidates: readonly Uint8Array[], expected: Uint8Array): boolean {
  let matched = false;
  for (const candidate of candidates) matched = safeEqual(candidate, expected) || matched;
  return matched;
}
