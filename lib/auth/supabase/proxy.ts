import { createServerClient } from "@supabase/ssr";
import { NextResponse, type NextRequest } from "next/server";
import { requireSupabasePublicConfig } from "./config";

// Pages anyone may open. Everything under /api authenticates itself (API key or cookie) and
// answers 401 JSON, so the proxy never redirects it.
const PUBLIC_PREFIXES = ["/sign-in", "/sign-up", "/auth", "/api", "/_next"];
const STATIC_FILE = /\.(?:ico|png|jpe?g|gif|webp|avif|svg|css|js|mjs|map|txt|xml|webmanifest|woff2?|ttf|otf)$/i;

/** Whether a request for `pathname` goes through without a signed-in user. */
export function isPublicPath(pathname: string): boolean {
  if (PUBLIC_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`))) return true;
  return STATIC_FILE.test(pathname);
}

/** `/sign-in`, remembering where the visitor was going (path and query, this site only). */
export function signInUrl(request: NextRequest): URL {
  const url = new URL("/sign-in", request.nextUrl.origin);
  const target = request.nextUrl.pathname + request.nextUrl.search;
  if (target !== "/") url.searchParams.set("next", target);
  return url;
}

/**
 * Refreshes the Supabase session cookie on every request and sends visitors without a
 * session from protected pages to the sign-in page. Only called when Supabase is configured.
 */
export async function updateSession(request: NextRequest): Promise<NextResponse> {
  const { url, publishableKey } = requireSupabasePublicConfig();
  let response = NextResponse.next({ request });
  let cacheHeaders: Record<string, string> = {};

  const supabase = createServerClient(url, publishableKey, {
    cookies: {
      getAll() {
        return request.cookies.getAll();
      },
      setAll(cookiesToSet, headers) {
        // The refreshed tokens must reach both the page rendered for this request and the browser.
        for (const { name, value } of cookiesToSet) request.cookies.set(name, value);
        response = NextResponse.next({ request });
        for (const { name, value, options } of cookiesToSet) response.cookies.set(name, value, options);
        cacheHeaders = { ...cacheHeaders, ...headers };
        for (const [key, value] of Object.entries(headers)) response.headers.set(key, value);
      },
    },
  });

  // Nothing may run between creating the client and getClaims(): this call is what refreshes
  // an expired access token; skipping it logs people out at random.
  let signedIn = false;
  try {
    const { data } = await supabase.auth.getClaims();
    signedIn = Boolean(data?.claims?.sub);
  } catch {
    // Auth server unreachable: treat as signed out; pages that need a user say so.
  }

  if (signedIn || isPublicPath(request.nextUrl.pathname)) return response;

  const redirect = NextResponse.redirect(signInUrl(request));
  // Keep any cookie the refresh attempt wrote (e.g. clearing a dead session).
  for (const cookie of response.cookies.getAll()) redirect.cookies.set(cookie);
  for (const [key, value] of Object.entries(cacheHeaders)) redirect.headers.set(key, value);
  return redirect;
}
