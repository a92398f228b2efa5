import { Webhook } from "standardwebhooks";
import { describe, it } from "vitest";
import type { SignatureSpec } from "@/lib/connectors/types";
import { verifySignature } from "../verify-signature";
import {
  NOW, NOW_SECONDS, SIX_MINUTES, binaryBody, bytes, expectFailure, expectOk, hmac, jsonBody, tamper,
} from "../test-support";

const spec: SignatureSpec = {
  scheme: "standard-webhooks", header: "webhook-signature", idHeader: "webhook-id", timestampHeader: "webhook-timestamp",
  algorithm: "sha256", encoding: "base64", prefix: "v1,", secretEncoding: "base64", toleranceSeconds: 300,
};
const secret = `whsec_${Buffer.from("standard-webhooks-test-key-32byt").toString("base64")}`;
const otherSecret = `whsec_${Buffer.from("a-different-key-entirely-32bytes").toString("base64")}`;
const msgId = "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W";

/** Headers signed by the standardwebhooks library. */
function signed(payload: string, seconds = NOW_SECONDS, key = secret): Record<string, string> {
  return {
    "webhook-id": msgId,
    "webhook-timestamp": String(seconds),
    "webhook-signature": new Webhook(key).sign(msgId, new Date(seconds * 1000), payload),
  };
}
const verify = (rawBody: Uint8Array, headers: Record<string, string>) =>
  verifySignature(spec, { rawBody, headers: new Headers(headers), secret, now: NOW });

describe("standard webhooks signatures", () => {
  it("accepts headers signed by the standardwebhooks library", () => {
    expectOk(verify(bytes(jsonBody), signed(jsonBody)));
  });

  it("rejects a wrong secret and a body changed by one byte", () => {
    expectFailure(verify(bytes(jsonBody), signed(jsonBody, NOW_SECONDS, otherSecret)), "signature does not match", [secret]);
    expectFailure(verify(tamper(bytes(jsonBody)), signed(jsonBody)), "signature does not match");
  });

  it("signs the message id", () => {
    expectFailure(verify(bytes(jsonBody), { ...signed(jsonBody), "webhook-id": "msg_other" }), "signature does not match");
  });

  it("rejects missing or malformed headers", () => {
    const headers = signed(jsonBody);
    for (const name of ["webhook-id", "webhook-timestamp", "webhook-signature"]) {
      const rest = Object.fromEntries(Object.entries(headers).filter(([key]) => key !== name));
      expectFailure(verify(bytes(jsonBody), rest), `missing ${name} header`);
    }
    const digest = headers["webhook-signature"].slice(3);
    for (const signature of [digest, `v2,${digest}`, "v1,", "v1,***"]) {
      expectFailure(verify(bytes(jsonBody), { ...headers, "webhook-signature": signature }), "malformed webhook-signature header");
    }
    expectFailure(verify(bytes(jsonBody), { ...headers, "webhook-timestamp": "2026-01-01" }), "malformed webhook-timestamp header");
  });

  it("enforces the 5-minute tolerance both ways", () => {
    expectFailure(verify(bytes(jsonBody), signed(jsonBody, NOW_SECONDS - SIX_MINUTES)), "timestamp is 6 minutes old (tolerance 5)");
    expectFailure(verify(bytes(jsonBody), signed(jsonBody, NOW_SECONDS + SIX_MINUTES)), "timestamp is in the future beyond tolerance");
  });

  it("passes when one of several space-separated signatures matches", () => {
    const headers = signed(jsonBody);
    const other = signed(jsonBody, NOW_SECONDS, otherSecret)["webhook-signature"];
    const list = `v1a,${"A".repeat(86)}== ${other} ${headers["webhook-signature"]}`;
    expectOk(verify(bytes(jsonBody), { ...headers, "webhook-signature": list }));
    expectFailure(verify(bytes(jsonBody), { ...headers, "webhook-signature": `${other} ${other}` }), "signature does not match");
  });

  it("verifies the raw bytes of a body that is not UTF-8", () => {
    // The library decodes a Buffer to text before signing, so raw bytes are signed with node:crypto.
    const key = Buffer.from(secret.slice("whsec_".length), "base64");
    const signature = hmac("sha256", key, [`${msgId}.${NOW_SECONDS}.`, binaryBody], "base64");
    const headers = { "webhook-id": msgId, "webhook-timestamp": String(NOW_SECONDS), "webhook-signature": `v1,${signature}` };
    expectOk(verify(binaryBody, headers));
    const lossy = signed(new TextDecoder().decode(binaryBody));
    expectFailure(verify(binaryBody, lossy), "signature does not match");
  });
});
