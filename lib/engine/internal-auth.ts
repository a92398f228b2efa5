import { createHmac } from "node:crypto";
import { checkBearerSecret } from "@/lib/api/bearer-secret";
import { ApiError, unauthorized } from "@/lib/api/errors";
import { loadEnv, type Env } from "@/lib/env";

// The internal run route (/api/internal/executions/{id}/run) is called only by this
// deployment's own tick and kicks. Its secret is derived from CRON_SECRET (see
// docs/decisions.md, "Fan-out"): nothing new to configure or rotate, and the value sent on
// every fan-out call is not CRON_SECRET itself, so one route's secret never opens the other.

const LABEL = "junction internal execution run v1";

/** The bearer secret of the internal run route, derived from CRON_SECRET. */
export function internalRunSecret(cronSecret: string): string {
  return createHmac("sha256", cronSecret).update(LABEL).digest("base64url");
}

/** Null when the request may run an execution; otherwise the error to answer. */
export function checkInternalAuthorization(request: Request, env: Env = loadEnv()): ApiError | null {
  if (env.JUNCTION_FANOUT !== "on" || !env.CRON_SECRET) {
    return new ApiError(
      403,
      "fanout_disabled",
      "Fan-out is off on this deployment, so the internal run route is closed. Set JUNCTION_FANOUT=on (with CRON_SECRET) to run executions through it.",
    );
  }
  const check = checkBearerSecret(request, internalRunSecret(env.CRON_SECRET));
  if (check === "missing") return unauthorized("Send the deployment's internal secret as Authorization: Bearer <secret>.");
  if (check === "wrong") return unauthorized("The internal secret is wrong.");
  return null;
}
