import type { Role } from "@/lib/auth/types";
import { withUser } from "@/lib/db/scope";
import type { Tx } from "@/lib/db/types";
import { authenticate, type Principal } from "./authenticate";
import { toErrorResponse } from "./errors";

export interface ApiContext<P> {
  request: Request;
  params: P;
  principal: Principal;
  /** Runs queries as the caller: role `authenticated` with their claims, so RLS applies. */
  db<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
}

type RouteContext = { params: Promise<Record<string, string | string[]>> };

/**
 * Wraps a /api/v1 route handler: authenticates (API key or session), checks the role,
 * runs the handler and maps anything thrown to the JSON error shape in one place.
 */
export function apiRoute<P = Record<string, string>>(
  options: { minRole?: Role },
  handler: (ctx: ApiContext<P>) => Promise<Response>,
) {
  return async (request: Request, context?: RouteContext): Promise<Response> => {
    try {
      const principal = await authenticate(request, options.minRole ?? "viewer");
      const params = ((await context?.params) ?? {}) as P;
      return await handler({
        request,
        params,
        principal,
        db: (fn) => withUser({ userId: principal.userId, email: principal.email }, fn),
      });
    } catch (error) {
      return toErrorResponse(error);
    }
  };
}

export function json(data: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(data, { status, headers });
}
