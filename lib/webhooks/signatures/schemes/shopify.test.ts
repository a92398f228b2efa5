import { describe, it } from "vitest";
import type { SignatureSpec } from "@/lib/connectors/types";
import { verifySignature } from "../verify-signature";
import { binaryBody, bytes, expectFailure, expectOk, hmac, jsonBody, tamper } from "../test-support";

const spec: SignatureSpec = { scheme: "shopify", header: "X-Shopify-Hmac-Sha256", algorithm: "sha256", encoding: "base64" };
const secret = "shpss_test_client_secret";

/** Shopify has no small signing library: base64 HMAC-SHA256 of the raw body, per its docs. */
const shopifySign = (body: Uint8Array, key = secret) => hmac("sha256", key, [body], "base64");

const verify = (rawBody: Uint8Array, header: string | undefined) =>
  verifySignature(spec, { rawBody, headers: header === undefined ? {} : { "x-shopify-hmac-sha256": header }, secret });

describe("shopify signatures", () => {
  it("accepts a body signed per the docs", () => {
    expectOk(verify(bytes(jsonBody), shopifySign(bytes(jsonBody))));
  });

  it("rejects a wrong secret and a body changed by one byte", () => {
    expectFailure(verify(bytes(jsonBody), shopifySign(bytes(jsonBody), "other")), "signature does not match", [secret]);
    expectFailure(verify(tamper(bytes(jsonBody)), shopifySign(bytes(jsonBody))), "signature does not match");
  });

  it("rejects a missing or malformed header", () => {
    expectFailure(verify(bytes(jsonBody), undefined), "missing X-Shopify-Hmac-Sha256 header");
    const good = shopifySign(bytes(jsonBody));
    for (const header of ["not base64!", good.slice(0, -1), hmac("sha256", secret, [bytes(jsonBody)], "hex").slice(0, 63)]) {
      expectFailure(verify(bytes(jsonBody), header), "malformed X-Shopify-Hmac-Sha256 header");
    }
  });

  it("verifies the raw bytes of a body that is not UTF-8", () => {
    expectOk(verify(binaryBody, shopifySign(binaryBody)));
    expectFailure(verify(binaryBody, shopifySign(bytes(new TextDecoder().decode(binaryBody)))), "signature does not match");
  });
});
