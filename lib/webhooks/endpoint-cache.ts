// Webhook endpoints as last read, by token hash, so a burst of deliveries to one URL does not
// read the same rows for every request. Nothing here is trusted on its own: the statement
// that stores an event checks, in the same statement, that the token, the signature setup
// and the config are still what was cached and that the flow is active (see ingest.ts). A
// stale entry costs one more round trip, never a wrong answer. Unknown tokens are not cached
// (random tokens from a scanner must not fill memory).

export interface CachedEndpoint {
  endpointId: string;
  workspaceId: string;
  flowId: string;
  flowName: string;
  flowActive: boolean;
  signatureScheme: string;
  signingSecretEnc: string | null;
  config: unknown;
  /** When this process last wrote the endpoint's last_triggered_at (ms since epoch). */
  touchedAt: number;
}

const TTL_MS = 30_000;
const MAX_ENTRIES = 1_000;

const entries = new Map<string, { endpoint: CachedEndpoint; expiresAt: number }>();

export function cachedEndpoint(tokenHash: string, now: number): CachedEndpoint | undefined {
  const entry = entries.get(tokenHash);
  if (!entry) return undefined;
  if (entry.expiresAt <= now) {
    entries.delete(tokenHash);
    return undefined;
  }
  return entry.endpoint;
}

export function rememberEndpoint(tokenHash: string, endpoint: CachedEndpoint, now: number): void {
  entries.delete(tokenHash);
  // Maps keep insertion order: the first key is the one remembered longest ago.
  while (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
  entries.set(tokenHash, { endpoint, expiresAt: now + TTL_MS });
}

export function forgetEndpoint(tokenHash: string): void {
  entries.delete(tokenHash);
}

export function cachedEndpointCount(): number {
  return entries.size;
}
