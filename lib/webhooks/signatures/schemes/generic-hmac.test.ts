import { describe, expect, it } from "vitest";
import type { SignatureSpec } from "@/lib/connectors/types";
import { verifySignature } from "../verify-signature";
import {
  NOW, NOW_SECONDS, SIX_MINUTES, binaryBody, bytes, expectFailure, expectOk, hmac, jsonBody, tamper,
} from "../test-support";

const secret = "generic-test-secret";
const base: SignatureSpec = { scheme: "generic-hmac", header: "X-Signature", algorithm: "sha256", encoding: "hex", prefix: "sha256=" };

const verify = (spec: SignatureSpec, rawBody: Uint8Array, headers: Record<string, string>, key = secret) =>
  verifySignature(spec, { rawBody, headers, secret: key, now: NOW });

describe("generic HMAC signatures", () => {
  const variants = [
    { algorithm: "sha1", encoding: "hex", prefix: "sha1=" },
    { algorithm: "sha256", encoding: "hex", prefix: "sha256=" },
    { algorithm: "sha512", encoding: "hex", prefix: "" },
    { algorithm: "sha256", encoding: "base64", prefix: "" },
    { algorithm: "sha512", encoding: "base64", prefix: "sig=" },
  ] as const;

  for (const variant of variants) {
    describe(`${variant.algorithm}/${variant.encoding} prefix "${variant.prefix}"`, () => {
      const spec: SignatureSpec = { ...base, ...variant };
      const header = (body: Uint8Array, key = secret) => ({
        "x-signature": `${variant.prefix}${hmac(variant.algorithm, key, [body], variant.encoding)}`,
      });

      it("accepts a valid signature, also over non-UTF-8 bytes", () => {
        expectOk(verify(spec, bytes(jsonBody), header(bytes(jsonBody))));
        expectOk(verify(spec, binaryBody, header(binaryBody)));
      });

      it("rejects a wrong secret, a tampered body, a missing or malformed header", () => {
        expectFailure(verify(spec, bytes(jsonBody), header(bytes(jsonBody), "other")), "signature does not match", [secret]);
        expectFailure(verify(spec, tamper(bytes(jsonBody)), header(bytes(jsonBody))), "signature does not match");
        expectFailure(verify(spec, bytes(jsonBody), {}), "missing X-Signature header");
        expectFailure(verify(spec, bytes(jsonBody), { "x-signature": `${variant.prefix}%%%` }), "malformed X-Signature header");
      });
    });
  }

  it("requires the configured prefix", () => {
    const digest = hmac("sha256", secret, [bytes(jsonBody)], "hex");
    expectFailure(verify(base, bytes(jsonBody), { "X-Signature": digest }), "malformed X-Signature header");
  });

  it("decodes a base64 secret when asked (Airtable's macSecretBase64)", () => {
    const key = Buffer.from("airtable-mac-secret-bytes");
    const spec: SignatureSpec = { ...base, header: "X-Airtable-Content-MAC", prefix: "hmac-sha256=", secretEncoding: "base64" };
    const headers = { "X-Airtable-Content-MAC": `hmac-sha256=${hmac("sha256", key, [bytes(jsonBody)], "hex")}` };
    expectOk(verify(spec, bytes(jsonBody), headers, key.toString("base64")));
    expectFailure(verify(spec, bytes(jsonBody), headers, "not*base64"), "signing secret is not configured correctly");
  });

  describe("with a timestamp header", () => {
    const spec: SignatureSpec = { ...base, timestampHeader: "X-Timestamp" };
    const signed = (body: Uint8Array, seconds: number) => ({
      "X-Timestamp": String(seconds),
      "X-Signature": `sha256=${hmac("sha256", secret, [`${seconds}.`, body], "hex")}`,
    });

    it("signs {timestamp}.{body} and checks the window both ways", () => {
      expectOk(verify(spec, binaryBody, signed(binaryBody, NOW_SECONDS)));
      expectFailure(verify(spec, bytes(jsonBody), signed(bytes(jsonBody), NOW_SECONDS - SIX_MINUTES)), "timestamp is 6 minutes old (tolerance 5)");
      expectFailure(verify(spec, bytes(jsonBody), signed(bytes(jsonBody), NOW_SECONDS + SIX_MINUTES)), "timestamp is in the future beyond tolerance");
      const replayed = { ...signed(bytes(jsonBody), NOW_SECONDS - SIX_MINUTES), "X-Timestamp": String(NOW_SECONDS) };
      expectFailure(verify(spec, bytes(jsonBody), replayed), "signature does not match");
    });

    it("reports a missing or malformed timestamp and honours a custom tolerance", () => {
      const headers = signed(bytes(jsonBody), NOW_SECONDS - 90);
      expectFailure(verify(spec, bytes(jsonBody), { "X-Signature": headers["X-Signature"] }), "missing X-Timestamp header");
      expectFailure(verify(spec, bytes(jsonBody), { ...headers, "X-Timestamp": "-5" }), "malformed X-Timestamp header");
      expectFailure(
        verify({ ...spec, toleranceSeconds: 60 }, bytes(jsonBody), headers),
        "timestamp is 90 seconds old (tolerance 60 seconds)",
      );
    });
  });

  it("refuses a spec without a header name", () => {
    const result = verify({ scheme: "generic-hmac" }, bytes(jsonBody), {});
    expect(result).toEqual({ ok: false, reason: "signature header is not configured" });
  });
});
