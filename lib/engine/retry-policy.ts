// When to try again. One pure function decides the delay before each scheduled retry of an
// execution; the clock is a parameter, so tests need no waiting.

export const DEFAULT_RETRY_DELAYS_SECONDS = [300, 900, 3600] as const;

/** Quick retries inside one run, for transient failures, before the execution is rescheduled. */
export const QUICK_RETRIES = 2;
export const QUICK_RETRY_BASE_MS = 500;
/** A Retry-After longer than this is not waited for in the run; the execution is rescheduled. */
export const MAX_INLINE_WAIT_MS = 5_000;

export interface RetryPolicy {
  delays_seconds: readonly number[];
}

/**
 * When the execution that just failed its `attempt`-th try (1-based) runs again, or null when
 * the policy has no retries left. A Retry-After from the service pushes the time later, never
 * earlier.
 */
export function nextRetryAt(
  attempt: number,
  policy: RetryPolicy | null | undefined,
  now: Date,
  retryAfterMs?: number,
): Date | null {
  const delays = policy?.delays_seconds ?? DEFAULT_RETRY_DELAYS_SECONDS;
  const delay = delays[attempt - 1];
  if (delay === undefined) return null;
  const ms = Math.max(delay * 1000, retryAfterMs ?? 0);
  return new Date(now.getTime() + ms);
}

/** Wait before quick retry `n` (1-based) in the run: the service's Retry-After, else a short backoff. */
export function quickRetryDelayMs(n: number, retryAfterMs?: number): number {
  if (retryAfterMs !== undefined) return retryAfterMs;
  return QUICK_RETRY_BASE_MS * 2 ** (n - 1);
}
