/**
 * The digest Next attaches to server errors. Only it reaches the browser in production; the
 * message and stack stay in the server log that the digest points to.
 */
export function errorDigest(error: unknown): string | undefined {
  if (typeof error === "object" && error !== null && "digest" in error) {
    const { digest } = error as { digest?: unknown };
    if (typeof digest === "string") return digest;
  }
  return undefined;
}
