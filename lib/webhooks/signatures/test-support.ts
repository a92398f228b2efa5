import { createHmac } from "node:crypto";
import { expect } from "vitest";
import type { VerifyResult } from "./types";

// Shared fixtures for the scheme tests (not a test file itself).

export const NOW = new Date("2026-01-01T00:00:00Z");
export const NOW_SECONDS = Math.floor(NOW.getTime() / 1000);
export const SIX_MINUTES = 6 * 60;

export const jsonBody = '{"id":"evt_1","type":"order.created","data":{"total":42.5,"name":"Zoë"}}';
/** Not valid UTF-8: a decoder would turn 0xFF into U+FFFD and change the signed bytes. */
export const binaryBody = Uint8Array.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0xff, 0xfe, 0x00, 0x7d]);

export const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

/** The body with one byte changed. */
export function tamper(body: Uint8Array): Uint8Array {
  const copy = Uint8Array.from(body);
  copy[copy.length - 2] ^= 0x01;
  return copy;
}

export function hmac(
  algorithm: "sha1" | "sha256" | "sha512",
  key: string | Uint8Array,
  parts: (string | Uint8Array)[],
  encoding: "hex" | "base64",
): string {
  const mac = createHmac(algorithm, key);
  for (const part of parts) mac.update(part);
  return mac.digest(encoding);
}

export function expectOk(result: VerifyResult): void {
  expect(result).toEqual({ ok: true });
}

/** Fails with exactly `reason`, and the reason reveals none of `secrets` (secret, digests). */
export function expectFailure(result: VerifyResult, reason: string, secrets: string[] = []): void {
  expect(result).toEqual({ ok: false, reason });
  for (const secret of secrets) expect(reason).not.toContain(secret);
}
