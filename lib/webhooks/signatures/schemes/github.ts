import type { SchemeVerifier } from "../types";
import { verifySingleDigest } from "./single-digest";

// https://docs.github.com/en/webhooks/using-webhooks/validating-webhook-deliveries
// X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the body>; no timestamp is signed.
const defaultHeader = "X-Hub-Signature-256";

export const github: SchemeVerifier = {
  headers: (spec) => [spec.header ?? defaultHeader],
  verify: (spec, input) =>
    verifySingleDigest(
      {
        header: spec.header ?? defaultHeader,
        prefix: "sha256=",
        algorithm: "sha256",
        encoding: "hex",
        secretEncoding: "utf8",
        signedContent: (body) => [body],
      },
      input,
    ),
};
