import { checkTimestamp } from "../check-timestamp";
import { computeHmac, type HmacAlgorithm } from "../compute-hmac";
import { decodeDigest } from "../decode-digest";
import { readHeader } from "../read-header";
import { safeEqual } from "../safe-equal";
import { secretKey } from "../secret-key";
import { fail, OK, type VerifyInput, type VerifyResult } from "../types";

/** A scheme whose header carries one digest, optionally next to a signed timestamp header. */
export interface SingleDigestOptions {
  header: string;
  prefix: string;
  algorithm: HmacAlgorithm;
  encoding: "hex" | "base64";
  secretEncoding: "utf8" | "base64";
  timestampHeader?: string;
  toleranceSeconds?: number;
  /** What is signed, given the raw body and (when there is a timestamp header) its value. */
  signedContent(rawBody: Uint8Array, timestamp: string | undefined): (string | Uint8Array)[];
}

export function verifySingleDigest(options: SingleDigestOptions, input: VerifyInput): VerifyResult {
  const key = secretKey(input.secret, options.secretEncoding);
  if (!input.secret || !key) return fail("signing secret is not configured correctly");

  const value = readHeader(input.headers, options.header)?.trim();
  if (!value) return fail(`missing ${options.header} header`);
  if (!value.startsWith(options.prefix)) return fail(`malformed ${options.header} header`);
  const received = decodeDigest(value.slice(options.prefix.length), options.encoding);
  if (!received) return fail(`malformed ${options.header} header`);

  let timestamp: string | undefined;
  if (options.timestampHeader) {
    timestamp = readHeader(input.headers, options.timestampHeader)?.trim();
    if (!timestamp) return fail(`missing ${options.timestampHeader} header`);
    if (!/^\d+$/.test(timestamp)) return fail(`malformed ${options.timestampHeader} header`);
  }

  const expected = computeHmac(options.algorithm, key, options.signedContent(input.rawBody, timestamp));
  if (!safeEqual(received, expected)) return fail("signature does not match");

  if (timestamp !== undefined) {
    return checkTimestamp(timestamp, input.now ?? new Date(), options.toleranceSeconds, options.timestampHeader);
  }
  return OK;
}
