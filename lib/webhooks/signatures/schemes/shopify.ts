import type { SchemeVerifier } from "../types";
import { verifySingleDigest } from "./single-digest";

// https://shopify.dev/docs/apps/build/webhooks/subscribe/https#step-2-validate-the-origin-of-your-webhook
// X-Shopify-Hmac-Sha256: base64 HMAC-SHA256 of the body, keyed by the app's client secret.
const defaultHeader = "X-Shopify-Hmac-Sha256";

export const shopify: SchemeVerifier = {
  headers: (spec) => [spec.header ?? defaultHeader],
  verify: (spec, input) =>
    verifySingleDigest(
      {
        header: spec.header ?? defaultHeader,
        prefix: "",
        algorithm: "sha256",
        encoding: "base64",
        secretEncoding: "utf8",
        signedContent: (body) => [body],
      },
      input,
    ),
};
