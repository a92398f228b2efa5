import { NextResponse } from "next/server";
import { ApiError } from "@/lib/api/errors";
import { publicOrigin } from "@/lib/api/site-origin";
import { getSession } from "@/lib/auth/session";
import { actorOf, type Actor } from "@/lib/auth/types";

// The browser side of the OAuth routes: who is connecting, where the provider sends them
// back, and how a failure is shown (a redirect to the connections page with an error code the
// page explains, never raw text from the URL).

export async function browserActor(request: Request): Promise<Actor | NextResponse> {
  const session = await getSession();
  if (!session) {
    const url = new URL(request.url);
    return NextResponse.redirect(new URL(`/sign-in?next=${encodeURIComponent(url.pathname + url.search)}`, request.url));
  }
  return actorOf(session);
}

export function backToConnections(request: Request, params: Record<string, string>): NextResponse {
  const url = new URL("/connections", publicOrigin(request));
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return NextResponse.redirect(url, 303);
}

export function failure(request: Request, error: unknown): NextResponse {
  if (error instanceof ApiError) return backToConnections(request, { oauth_error: error.code });
  console.error("[oauth] unexpected error:", error instanceof Error ? error.name : "unknown");
  return backToConnections(request, { oauth_error: "internal_error" });
}
