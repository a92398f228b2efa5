import { describe, it } from "vitest";
import type { SignatureSpec } from "@/lib/connectors/types";
import { verifySignature } from "../verify-signature";
import {
  NOW, NOW_SECONDS, SIX_MINUTES, binaryBody, bytes, expectFailure, expectOk, hmac, jsonBody, tamper,
} from "../test-support";

const spec: SignatureSpec = {
  scheme: "slack", header: "X-Slack-Signature", timestampHeader: "X-Slack-Request-Timestamp",
  algorithm: "sha256", encoding: "hex", prefix: "v0=", toleranceSeconds: 300,
};
const secret = "slack-test-signing-secret";

/** Slack has no small signing library: this follows its docs (v0:{timestamp}:{body}, hex). */
const slackSign = (body: Uint8Array, timestamp: number, key = secret) =>
  `v0=${hmac("sha256", key, [`v0:${timestamp}:`, body], "hex")}`;

function verify(rawBody: Uint8Array, headers: Record<string, string>, options: { key?: string; now?: Date } = {}) {
  return verifySignature(spec, { rawBody, headers, secret: options.key ?? secret, now: options.now ?? NOW });
}
const signed = (body: Uint8Array, timestamp = NOW_SECONDS, key = secret) => ({
  "X-Slack-Request-Timestamp": String(timestamp),
  "X-Slack-Signature": slackSign(body, timestamp, key),
});

describe("slack signatures", () => {
  it("matches Slack's documented example request", () => {
    // https://docs.slack.dev/authentication/verifying-requests-from-slack — example signing secret,
    // timestamp, slash-command body and the signature the page gives for them.
    const body =
      "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    const headers = {
      "X-Slack-Request-Timestamp": "1531420618",
      "X-Slack-Signature": "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503",
    };
    const now = new Date(1531420618 * 1000 + 30_000);
    expectOk(verify(bytes(body), headers, { key: "8f742231b10e8888abcd99yyyzzz85a5", now }));
  });

  it("accepts a request signed per the docs", () => {
    expectOk(verify(bytes(jsonBody), signed(bytes(jsonBody))));
  });

  it("rejects a wrong secret and a body changed by one byte", () => {
    expectFailure(verify(bytes(jsonBody), signed(bytes(jsonBody), NOW_SECONDS, "other")), "signature does not match", [secret]);
    expectFailure(verify(tamper(bytes(jsonBody)), signed(bytes(jsonBody))), "signature does not match");
  });

  it("rejects missing or malformed headers", () => {
    const headers = signed(bytes(jsonBody));
    expectFailure(verify(bytes(jsonBody), { "X-Slack-Request-Timestamp": headers["X-Slack-Request-Timestamp"] }), "missing X-Slack-Signature header");
    expectFailure(verify(bytes(jsonBody), { "X-Slack-Signature": headers["X-Slack-Signature"] }), "missing X-Slack-Request-Timestamp header");
    expectFailure(verify(bytes(jsonBody), { ...headers, "X-Slack-Signature": headers["X-Slack-Signature"].slice(3) }), "malformed X-Slack-Signature header");
    expectFailure(verify(bytes(jsonBody), { ...headers, "X-Slack-Request-Timestamp": "yesterday" }), "malformed X-Slack-Request-Timestamp header");
  });

  it("enforces the 5-minute tolerance both ways", () => {
    expectFailure(verify(bytes(jsonBody), signed(bytes(jsonBody), NOW_SECONDS - SIX_MINUTES)), "timestamp is 6 minutes old (tolerance 5)");
    expectFailure(verify(bytes(jsonBody), signed(bytes(jsonBody), NOW_SECONDS + SIX_MINUTES)), "timestamp is in the future beyond tolerance");
  });

  it("binds the timestamp into the signature", () => {
    const headers = { ...signed(bytes(jsonBody), NOW_SECONDS - SIX_MINUTES), "X-Slack-Request-Timestamp": String(NOW_SECONDS) };
    expectFailure(verify(bytes(jsonBody), headers), "signature does not match");
  });

  it("verifies the raw bytes of a body that is not UTF-8", () => {
    expectOk(verify(binaryBody, signed(binaryBody)));
    expectFailure(verify(binaryBody, signed(bytes(new TextDecoder().decode(binaryBody)))), "signature does not match");
  });
});
