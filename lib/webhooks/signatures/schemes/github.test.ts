import { sign } from "@octokit/webhooks-methods";
import { describe, it } from "vitest";
import type { SignatureSpec } from "@/lib/connectors/types";
import { verifySignature } from "../verify-signature";
import { binaryBody, bytes, expectFailure, expectOk, hmac, jsonBody, tamper } from "../test-support";

const spec: SignatureSpec = { scheme: "github", header: "X-Hub-Signature-256", algorithm: "sha256", encoding: "hex", prefix: "sha256=" };
const secret = "github-test-secret";

const verify = (rawBody: Uint8Array, header: string | undefined, key = secret) =>
  verifySignature(spec, { rawBody, headers: new Headers(header === undefined ? {} : { "X-Hub-Signature-256": header }), secret: key });

describe("github signatures", () => {
  it("accepts a header signed by @octokit/webhooks-methods", async () => {
    expectOk(verify(bytes(jsonBody), await sign(secret, jsonBody)));
  });

  it("matches GitHub's documented example", () => {
    // https://docs.github.com/en/webhooks/using-webhooks/validating-webhook-deliveries#testing-the-webhook-payload-validation
    const header = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";
    expectOk(verify(bytes("Hello, World!"), header, "It's a Secret to Everybody"));
  });

  it("rejects a wrong secret and a body changed by one byte", async () => {
    expectFailure(verify(bytes(jsonBody), await sign("another-secret", jsonBody)), "signature does not match", [secret]);
    expectFailure(verify(tamper(bytes(jsonBody)), await sign(secret, jsonBody)), "signature does not match");
  });

  it("rejects a missing or malformed header", async () => {
    expectFailure(verify(bytes(jsonBody), undefined), "missing X-Hub-Signature-256 header");
    const digest = (await sign(secret, jsonBody)).slice("sha256=".length);
    for (const header of [digest, `sha1=${digest}`, "sha256=", "sha256=not-hex", `sha256=${digest}0`]) {
      expectFailure(verify(bytes(jsonBody), header), "malformed X-Hub-Signature-256 header");
    }
  });

  it("rejects a digest of the wrong length as a mismatch", () => {
    expectFailure(verify(bytes(jsonBody), `sha256=${"ab".repeat(20)}`), "signature does not match");
  });

  it("verifies the raw bytes of a body that is not UTF-8", () => {
    expectOk(verify(binaryBody, `sha256=${hmac("sha256", secret, [binaryBody], "hex")}`));
    const lossy = hmac("sha256", secret, [new TextDecoder().decode(binaryBody)], "hex");
    expectFailure(verify(binaryBody, `sha256=${lossy}`), "signature does not match");
  });
});
