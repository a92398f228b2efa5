import type { Actor, Role } from "@/lib/auth/types";
import { roleAtLeast } from "@/lib/auth/types";
import { getSession } from "@/lib/auth/session";
import { authenticateApiKey } from "@/lib/db/queries/api-keys";
import { asSystem } from "@/lib/db/scope";
import { loadEnv } from "@/lib/env";
import { ApiError, forbidden, unauthorized } from "./errors";
import { hitRateLimit } from "./rate-limit";

export interface Principal extends Actor {
  via: "api_key" | "session";
  keyId?: string;
  keyPrefix?: string;
}

const KEY_FAILURES = {
  malformed: "The API key is not in the expected format (jct_…).",
  unknown: "The API key is not valid.",
  revoked: "The API key has been revoked.",
  orphaned: "The API key's creator is no longer a member of its workspace.",
} as const;

function bearerToken(request: Request): string | null | undefined {
  const header = request.headers.get("authorization");
  if (header === null) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1] : null;
}

/**
 * A browser session counts only for requests from the hub's own pages: browsers mark them
 * `Sec-Fetch-Site: same-origin`. Scripts and other sites must present an API key.
 */
function fromOwnPages(request: Request): boolean {
  if (request.headers.get("sec-fetch-site") === "same-origin") return true;
  const origin = request.headers.get("origin");
  if (!origin) return false;
  try {
    return new URL(origin).host === (request.headers.get("x-forwarded-host") ?? request.headers.get("host"));
  } catch {
    return false;
  }
}

/**
 * Who is calling the API: a workspace API key (`Authorization: Bearer jct_…`) or, from the
 * hub's own pages, the signed-in session. Nothing is read for a caller that fails here.
 */
export async function authenticate(request: Request, minRole: Role): Promise<Principal> {
  const token = bearerToken(request);
  if (token === null) throw unauthorized("Use the header Authorization: Bearer <API key>.");

  let principal: Principal;
  if (token !== undefined) {
    const result = await asSystem((db) => authenticateApiKey(db, token));
    if (!result.ok) throw unauthorized(KEY_FAILURES[result.reason]);
    principal = { ...result.principal, email: null, via: "api_key" };
    const limit = loadEnv().JUNCTION_API_RATE_LIMIT;
    const rate = await asSystem((db) =>
      hitRateLimit(db, { workspaceId: principal.workspaceId, bucket: `api_key:${principal.keyId}`, limit, windowMs: 60_000 }),
    );
    if (!rate.allowed) {
      const retryAfter = Math.max(1, Math.ceil((rate.resetAt.getTime() - Date.now()) / 1000));
      throw new ApiError(
        429,
        "rate_limited",
        `Too many requests: this API key may make ${limit} requests a minute.`,
        {},
        { "Retry-After": String(retryAfter) },
      );
    }
  } else {
    const session = fromOwnPages(request) ? await getSession().catch(() => null) : null;
    if (!session) throw unauthorized("Send a workspace API key as Authorization: Bearer <API key>.");
    principal = {
      workspaceId: session.workspace.id,
      userId: session.user.id,
      email: session.user.email,
      role: session.workspace.role,
      via: "session",
    };
  }

  if (!roleAtLeast(principal.role, minRole)) {
    throw forbidden(`This needs the ${minRole} role or higher in the workspace; yours is ${principal.role}.`);
  }
  return principal;
}
