const hexPattern = /^(?:[0-9a-fA-F]{2})+$/;
const base64Pattern = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Strictly decodes a digest taken from a header. Buffer.from() silently skips bad characters,
 * which would let a garbled header pass as a shorter digest; undefined means "malformed".
 */
export function decodeDigest(text: string, encoding: "hex" | "base64"): Buffer | undefined {
  const pattern = encoding === "hex" ? hexPattern : base64Pattern;
  if (text.length === 0 || !pattern.test(text)) return undefined;
  return Buffer.from(text, encoding);
}
