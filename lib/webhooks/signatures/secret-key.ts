const standardWebhooksPrefix = "whsec_";
const base64Pattern = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * The key bytes of a stored secret. `utf8` uses the text as is (Stripe's `whsec_…` included, as
 * Stripe does); `base64` decodes it, dropping a Standard Webhooks `whsec_` prefix first.
 * Returns undefined when a base64 secret does not decode, so the caller can refuse cleanly.
 */
export function secretKey(secret: string, encoding: "utf8" | "base64" = "utf8"): Uint8Array | undefined {
  if (encoding === "utf8") return Buffer.from(secret, "utf8");
  const text = secret.startsWith(standardWebhooksPrefix) ? secret.slice(standardWebhooksPrefix.length) : secret;
  if (!base64Pattern.test(text)) return undefined;
  return Buffer.from(text, "base64");
}
