import { checkBearerSecret } from "@/lib/api/bearer-secret";
import { unauthorized, type ApiError } from "@/lib/api/errors";
import { loadEnv } from "@/lib/env";

// The tick endpoint is called by Vercel Cron (which sends `Authorization: Bearer
// $CRON_SECRET`) or any other scheduler given the secret. Without CRON_SECRET configured the
// endpoint is closed: a public tick would let anyone run the queue.

/** Null when the request carries the right bearer secret; otherwise the 401 to answer. */
export function checkCronAuthorization(request: Request): ApiError | null {
  const secret = loadEnv().CRON_SECRET;
  if (!secret) {
    return unauthorized("CRON_SECRET is not configured on the server, so the tick endpoint is closed. Set CRON_SECRET (16+ characters) and send it as a Bearer token.");
  }
  const check = checkBearerSecret(request, secret);
  if (check === "missing") return unauthorized("Send the cron secret as Authorization: Bearer <CRON_SECRET>.");
  if (check === "wrong") return unauthorized("The cron secret is wrong.");
  return null;
}
