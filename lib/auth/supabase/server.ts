import { createServerClient } from "@supabase/ssr";
import { cookies } from "next/headers";
import { requireSupabasePublicConfig } from "./config";

/**
 * A Supabase client bound to this request's cookies, for Server Components, Server Actions
 * and Route Handlers. Make a new one per request; never keep it in a module variable.
 * Throws SupabaseNotConfiguredError in local mode.
 */
export async function createSupabaseServerClient() {
  const { url, publishableKey } = requireSupabasePublicConfig();
  const cookieStore = await cookies();

  return createServerClient(url, publishableKey, {
    cookies: {
      getAll() {
        return cookieStore.getAll();
      },
      setAll(cookiesToSet) {
        try {
          for (const { name, value, options } of cookiesToSet) cookieStore.set(name, value, options);
        } catch {
          // Server Components may not set cookies. The proxy refreshes the session on every
          // request, so a token refreshed during rendering is written there instead.
        }
      },
    },
  });
}

/** Whether this request carries a valid Supabase session; false when it cannot tell. */
export async function hasSupabaseSession(): Promise<boolean> {
  try {
    const supabase = await createSupabaseServerClient();
    const { data } = await supabase.auth.getClaims();
    return Boolean(data?.claims?.sub);
  } catch {
    return false;
  }
}
