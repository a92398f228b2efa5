import type { SchemeVerifier } from "../types";
import { verifySingleDigest } from "./single-digest";

// https://docs.slack.dev/authentication/verifying-requests-from-slack
// X-Slack-Signature: v0=<hex HMAC-SHA256 of "v0:{X-Slack-Request-Timestamp}:{body}">, 5 minutes.
const defaultHeader = "X-Slack-Signature";
const defaultTimestampHeader = "X-Slack-Request-Timestamp";

export const slack: SchemeVerifier = {
  headers: (spec) => [spec.header ?? defaultHeader, spec.timestampHeader ?? defaultTimestampHeader],
  verify: (spec, input) =>
    verifySingleDigest(
      {
        header: spec.header ?? defaultHeader,
        timestampHeader: spec.timestampHeader ?? defaultTimestampHeader,
        toleranceSeconds: spec.toleranceSeconds,
        prefix: "v0=",
        algorithm: "sha256",
        encoding: "hex",
        secretEncoding: "utf8",
        signedContent: (body, timestamp) => [`v0:${timestamp}:`, body],
      },
      input,
    ),
};
