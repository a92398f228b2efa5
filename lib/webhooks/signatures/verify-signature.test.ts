import { describe, expect, it } from "vitest";
import { listConnectors } from "@/lib/connectors";
import { signatureSchemes, type SignatureScheme, type SignatureSpec } from "@/lib/connectors/types";
import { schemeVerifiers } from "./schemes";
import { NOW, NOW_SECONDS, bytes, hmac, jsonBody } from "./test-support";
import { signatureHeaders, verifySignature } from "./verify-signature";

describe("verifySignature", () => {
  it("has a verifier for every scheme a connector may declare", () => {
    expect(Object.keys(schemeVerifiers).sort()).toEqual([...signatureSchemes].sort());
  });

  it("lets unsigned endpoints through", () => {
    expect(verifySignature({ scheme: "none" }, { rawBody: bytes(jsonBody), headers: {}, secret: "" })).toEqual({ ok: true });
  });

  it("refuses an unknown scheme and an empty secret", () => {
    const unknown = { scheme: "toString" as SignatureScheme };
    expect(verifySignature(unknown, { rawBody: bytes(jsonBody), headers: {}, secret: "s" })).toEqual({
      ok: false,
      reason: "unsupported signature scheme",
    });
    for (const scheme of signatureSchemes.filter((name) => name !== "none")) {
      const result = verifySignature({ scheme, header: "X-Signature" }, { rawBody: bytes(jsonBody), headers: {}, secret: "" });
      expect(result).toEqual({ ok: false, reason: "signing secret is not configured correctly" });
    }
  });

  it("uses the current time when no clock is injected", () => {
    const spec: SignatureSpec = { scheme: "generic-hmac", header: "X-Sig", timestampHeader: "X-Ts" };
    const signed = (seconds: number) => ({ "X-Ts": String(seconds), "X-Sig": hmac("sha256", "s", [`${seconds}.`, bytes(jsonBody)], "hex") });
    const current = Math.floor(Date.now() / 1000);
    expect(verifySignature(spec, { rawBody: bytes(jsonBody), headers: signed(current), secret: "s" })).toEqual({ ok: true });
    const result = verifySignature(spec, { rawBody: bytes(jsonBody), headers: signed(NOW_SECONDS - 600), secret: "s" });
    expect(result).toMatchObject({ ok: false, reason: expect.stringMatching(/^timestamp is \d+ minutes old \(tolerance 5\)$/) });
  });
});

describe("signatureHeaders", () => {
  it("lists each preset's headers", () => {
    expect(signatureHeaders({ scheme: "none" })).toEqual([]);
    expect(signatureHeaders({ scheme: "stripe" })).toEqual(["Stripe-Signature"]);
    expect(signatureHeaders({ scheme: "github" })).toEqual(["X-Hub-Signature-256"]);
    expect(signatureHeaders({ scheme: "slack" })).toEqual(["X-Slack-Signature", "X-Slack-Request-Timestamp"]);
    expect(signatureHeaders({ scheme: "shopify" })).toEqual(["X-Shopify-Hmac-Sha256"]);
    expect(signatureHeaders({ scheme: "standard-webhooks" })).toEqual(["webhook-id", "webhook-timestamp", "webhook-signature"]);
    expect(signatureHeaders({ scheme: "generic-hmac", header: "X-Sig", timestampHeader: "X-Ts" })).toEqual(["X-Sig", "X-Ts"]);
  });

  // Every trigger in the catalog: its declared headers are the ones read, and an unsigned
  // request to it is refused for a missing header rather than let through.
  const triggers = listConnectors().flatMap((connector) =>
    connector.triggers.map((trigger) => ({ name: `${connector.slug}/${trigger.key}`, spec: trigger.signature })),
  );
  it.each(triggers)("$name is wired to its scheme", ({ spec }) => {
    const headers = signatureHeaders(spec);
    for (const declared of [spec.header, spec.timestampHeader, spec.idHeader]) {
      if (declared) expect(headers).toContain(declared);
    }
    const result = verifySignature(spec, { rawBody: bytes(jsonBody), headers: {}, secret: "whsec_c2VjcmV0", now: NOW });
    if (spec.scheme === "none") expect(result).toEqual({ ok: true });
    else expect(result).toMatchObject({ ok: false, reason: expect.stringMatching(/^missing .+ header$/) });
  });
});
