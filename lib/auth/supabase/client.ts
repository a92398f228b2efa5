import { createBrowserClient } from "@supabase/ssr";
import type { SupabasePublicConfig } from "./config";

/**
 * A Supabase client for Client Components. The browser cannot read the server's environment,
 * so a Server Component passes `supabasePublicConfig()` down as a prop; it holds only the
 * public URL and publishable key. @supabase/ssr keeps one client per browser tab.
 */
export function createSupabaseBrowserClient(config: SupabasePublicConfig) {
  return createBrowserClient(config.url, config.publishableKey);
}
