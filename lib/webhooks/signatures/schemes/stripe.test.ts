import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import type { SignatureSpec } from "@/lib/connectors/types";
import { verifySignature } from "../verify-signature";
import {
  NOW, NOW_SECONDS, SIX_MINUTES, binaryBody, bytes, expectFailure, expectOk, hmac, jsonBody, tamper,
} from "../test-support";

const spec: SignatureSpec = { scheme: "stripe", header: "Stripe-Signature", algorithm: "sha256", encoding: "hex", toleranceSeconds: 300 };
const secret = "whsec_test_stripe_secret_0123456789";
const stripeClient = new Stripe("sk_test_not_a_real_key");

/** Signed by Stripe's own library. */
const officialHeader = (payload: string, timestamp = NOW_SECONDS, key = secret) =>
  stripeClient.webhooks.generateTestHeaderString({ payload, secret: key, timestamp });

const verify = (rawBody: Uint8Array, header: string | undefined) =>
  verifySignature(spec, { rawBody, headers: header === undefined ? {} : { "stripe-signature": header }, secret, now: NOW });

describe("stripe signatures", () => {
  it("accepts a header signed by the stripe library", () => {
    expectOk(verify(bytes(jsonBody), officialHeader(jsonBody)));
  });

  it("rejects a wrong secret and a body changed by one byte", () => {
    const header = officialHeader(jsonBody, NOW_SECONDS, "whsec_someone_else");
    expectFailure(verify(bytes(jsonBody), header), "signature does not match", [secret]);
    expectFailure(verify(tamper(bytes(jsonBody)), officialHeader(jsonBody)), "signature does not match");
  });

  it("rejects a missing or malformed header", () => {
    expectFailure(verify(bytes(jsonBody), undefined), "missing Stripe-Signature header");
    for (const header of ["garbage", `t=${NOW_SECONDS}`, "v1=abcd", `t=soon,v1=${"a".repeat(64)}`, `t=${NOW_SECONDS},v1=zz`]) {
      expectFailure(verify(bytes(jsonBody), header), "malformed Stripe-Signature header");
    }
  });

  it("enforces the 5-minute tolerance both ways", () => {
    const old = officialHeader(jsonBody, NOW_SECONDS - SIX_MINUTES);
    expectFailure(verify(bytes(jsonBody), old), "timestamp is 6 minutes old (tolerance 5)");
    const future = officialHeader(jsonBody, NOW_SECONDS + SIX_MINUTES);
    expectFailure(verify(bytes(jsonBody), future), "timestamp is in the future beyond tolerance");
    expectOk(verify(bytes(jsonBody), officialHeader(jsonBody, NOW_SECONDS - 300)));
    expectOk(verify(bytes(jsonBody), officialHeader(jsonBody, NOW_SECONDS + 300)));
  });

  it("passes when one of several v1 signatures matches (secret roll)", () => {
    const good = /v1=([0-9a-f]+)/.exec(officialHeader(jsonBody))![1];
    const other = /v1=([0-9a-f]+)/.exec(officialHeader(jsonBody, NOW_SECONDS, "whsec_old_secret"))![1];
    expectOk(verify(bytes(jsonBody), `t=${NOW_SECONDS},v1=${other},v1=${good},v0=${"0".repeat(64)}`));
    expectFailure(verify(bytes(jsonBody), `t=${NOW_SECONDS},v1=${other},v0=${good}`), "signature does not match");
  });

  it("verifies the raw bytes of a body that is not UTF-8", () => {
    const signature = hmac("sha256", secret, [`${NOW_SECONDS}.`, binaryBody], "hex");
    expectOk(verify(binaryBody, `t=${NOW_SECONDS},v1=${signature}`));
    // Signing the UTF-8-decoded text (U+FFFD for 0xFF) is a different message.
    const lossy = hmac("sha256", secret, [`${NOW_SECONDS}.${new TextDecoder().decode(binaryBody)}`], "hex");
    expectFailure(verify(binaryBody, `t=${NOW_SECONDS},v1=${lossy}`), "signature does not match");
  });

  it("never echoes the expected signature", () => {
    const expected = hmac("sha256", secret, [`${NOW_SECONDS}.`, bytes(jsonBody)], "hex");
    const result = verify(bytes(jsonBody), `t=${NOW_SECONDS},v1=${"0".repeat(64)}`);
    expectFailure(result, "signature does not match", [expected, secret]);
    expect(JSON.stringify(result)).not.toContain(expected);
  });
});
