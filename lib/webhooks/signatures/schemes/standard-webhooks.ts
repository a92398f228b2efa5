import { checkTimestamp } from "../check-timestamp";
import { computeHmac } from "../compute-hmac";
import { decodeDigest } from "../decode-digest";
import { readHeader } from "../read-header";
import { anySafeEqual } from "../safe-equal";
import { secretKey } from "../secret-key";
import { fail, type SchemeVerifier, type VerifyInput, type VerifyResult } from "../types";

// https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md
// webhook-signature: space-separated "v1,<base64 HMAC-SHA256 of '{id}.{timestamp}.{body}'>"
// (other versions such as v1a are skipped); the secret is whsec_<base64 key>.
interface Names {
  signature: string;
  id: string;
  timestamp: string;
}

function names(spec: { header?: string; idHeader?: string; timestampHeader?: string }): Names {
  return {
    signature: spec.header ?? "webhook-signature",
    id: spec.idHeader ?? "webhook-id",
    timestamp: spec.timestampHeader ?? "webhook-timestamp",
  };
}

export const standardWebhooks: SchemeVerifier = {
  headers: (spec) => {
    const { id, timestamp, signature } = names(spec);
    return [id, timestamp, signature];
  },
  verify: (spec, input) =>
    verifyStandardWebhook(names(spec), spec.secretEncoding ?? "base64", spec.toleranceSeconds, input),
};

function verifyStandardWebhook(
  header: Names,
  secretEncoding: "utf8" | "base64",
  toleranceSeconds: number | undefined,
  input: VerifyInput,
): VerifyResult {
  const key = secretKey(input.secret, secretEncoding);
  if (!input.secret || !key || key.length === 0) return fail("signing secret is not configured correctly");

  const id = readHeader(input.headers, header.id)?.trim();
  const timestamp = readHeader(input.headers, header.timestamp)?.trim();
  const signature = readHeader(input.headers, header.signature)?.trim();
  if (!id) return fail(`missing ${header.id} header`);
  if (!timestamp) return fail(`missing ${header.timestamp} header`);
  if (!signature) return fail(`missing ${header.signature} header`);
  if (!/^\d+$/.test(timestamp)) return fail(`malformed ${header.timestamp} header`);

  const candidates = parseSignatures(signature);
  if (candidates.length === 0) return fail(`malformed ${header.signature} header`);

  const expected = computeHmac("sha256", key, [`${id}.${timestamp}.`, input.rawBody]);
  if (!anySafeEqual(candidates, expected)) return fail("signature does not match");
  return checkTimestamp(timestamp, input.now ?? new Date(), toleranceSeconds, header.timestamp);
}

function parseSignatures(value: string): Buffer[] {
  const digests: Buffer[] = [];
  for (const entry of value.split(" ")) {
    const [version, text] = entry.split(",", 2);
    if (version !== "v1" || text === undefined) continue;
    const digest = decodeDigest(text, "base64");
    if (digest) digests.push(digest);
  }
  return digests;
}
