import { createHmac } from "node:crypto";

export type HmacAlgorithm = "sha1" | "sha256" | "sha512";

/**
 * HMAC over the concatenation of `parts`. Strings are UTF-8 (they are header values such as a
 * timestamp); byte arrays are fed as they are, so a body that is not valid UTF-8 stays intact.
 */
export function computeHmac(algorithm: HmacAlgorithm, key: Uint8Array, parts: (string | Uint8Array)[]): Buffer {
  const hmac = createHmac(algorithm, key);
  for (const part of parts) hmac.update(part);
  return hmac.digest();
}
