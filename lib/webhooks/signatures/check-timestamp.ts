import { fail, OK, type VerifyResult } from "./types";

export const defaultToleranceSeconds = 300;
const unixSecondsPattern = /^\d{1,12}$/;

/**
 * Replay window: the signed Unix timestamp (seconds) must lie within `toleranceSeconds` of
 * `now`, in either direction.
 */
export function checkTimestamp(
  value: string,
  now: Date,
  toleranceSeconds: number = defaultToleranceSeconds,
  headerName = "timestamp",
): VerifyResult {
  if (!unixSecondsPattern.test(value.trim())) return fail(`malformed ${headerName} header`);
  const ageSeconds = Math.floor(now.getTime() / 1000) - Number(value.trim());
  if (ageSeconds > toleranceSeconds) return fail(`timestamp is ${describeAge(ageSeconds, toleranceSeconds)}`);
  if (-ageSeconds > toleranceSeconds) return fail("timestamp is in the future beyond tolerance");
  return OK;
}

function describeAge(ageSeconds: number, toleranceSeconds: number): string {
  const minutes = Math.floor(ageSeconds / 60);
  if (toleranceSeconds % 60 === 0 && minutes > toleranceSeconds / 60) {
    return `${minutes} minutes old (tolerance ${toleranceSeconds / 60})`;
  }
  return `${ageSeconds} seconds old (tolerance ${toleranceSeconds} seconds)`;
}
