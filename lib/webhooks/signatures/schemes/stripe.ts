import { checkTimestamp } from "../check-timestamp";
import { computeHmac } from "../compute-hmac";
import { decodeDigest } from "../decode-digest";
import { readHeader } from "../read-header";
import { anySafeEqual } from "../safe-equal";
import { fail, type SchemeVerifier, type VerifyInput, type VerifyResult } from "../types";

// https://docs.stripe.com/webhooks#verify-manually
// Stripe-Signature: t=<unix>,v1=<hex>[,v1=<hex>…][,v0=…]; v1 = HMAC-SHA256("{t}.{body}") keyed by
// the whole `whsec_…` string. Several v1 entries appear while a secret is being rolled.
const defaultHeader = "Stripe-Signature";

export const stripe: SchemeVerifier = {
  headers: (spec) => [spec.header ?? defaultHeader],
  verify: (spec, input) => verifyStripe(spec.header ?? defaultHeader, spec.toleranceSeconds, input),
};

function verifyStripe(header: string, toleranceSeconds: number | undefined, input: VerifyInput): VerifyResult {
  if (!input.secret) return fail("signing secret is not configured correctly");
  const value = readHeader(input.headers, header)?.trim();
  if (!value) return fail(`missing ${header} header`);

  const parsed = parseStripeHeader(value);
  if (!parsed) return fail(`malformed ${header} header`);

  const expected = computeHmac("sha256", Buffer.from(input.secret, "utf8"), [`${parsed.timestamp}.`, input.rawBody]);
  if (!anySafeEqual(parsed.signatures, expected)) return fail("signature does not match");
  return checkTimestamp(parsed.timestamp, input.now ?? new Date(), toleranceSeconds, header);
}

function parseStripeHeader(value: string): { timestamp: string; signatures: Buffer[] } | undefined {
  let timestamp: string | undefined;
  const signatures: Buffer[] = [];
  for (const item of value.split(",")) {
    const separator = item.indexOf("=");
    if (separator < 0) continue;
    const key = item.slice(0, separator).trim();
    const text = item.slice(separator + 1).trim();
    if (key === "t") timestamp = text;
    if (key === "v1") {
      const digest = decodeDigest(text, "hex");
      if (digest) signatures.push(digest);
    }
  }
  if (!timestamp || !/^\d+$/.test(timestamp) || signatures.length === 0) return undefined;
  return { timestamp, signatures };
}
