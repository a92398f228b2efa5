import { fail, type SchemeVerifier } from "../types";
import { verifySingleDigest } from "./single-digest";

/**
 * A body HMAC in a header the connector names, with adjustable digest, encoding and prefix.
 * With a timestamp header, the signed content is `{timestamp}.{body}` (the convention Stripe
 * and most services that sign a timestamp follow) and the tolerance window applies.
 */
export const genericHmac: SchemeVerifier = {
  headers: (spec) => [spec.header, spec.timestampHeader].filter((name): name is string => Boolean(name)),
  verify: (spec, input) => {
    if (!spec.header) return fail("signature header is not configured");
    return verifySingleDigest(
      {
        header: spec.header,
        timestampHeader: spec.timestampHeader,
        toleranceSeconds: spec.toleranceSeconds,
        prefix: spec.prefix ?? "",
        algorithm: spec.algorithm ?? "sha256",
        encoding: spec.encoding ?? "hex",
        secretEncoding: spec.secretEncoding ?? "utf8",
        signedContent: (body, timestamp) => (timestamp === undefined ? [body] : [`${timestamp}.`, body]),
      },
      input,
    );
  },
};
