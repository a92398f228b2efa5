import { isSupabaseAuthConfigured, loadEnv, type Env } from "@/lib/env";

/** The two public values a Supabase client needs. Safe to hand to the browser. */
export interface SupabasePublicConfig {
  url: string;
  publishableKey: string;
}

/** The Supabase project this deployment signs in with, or null in local mode. */
export function supabasePublicConfig(env: Env = loadEnv()): SupabasePublicConfig | null {
  if (!isSupabaseAuthConfigured(env) || !env.NEXT_PUBLIC_SUPABASE_URL || !env.NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY) {
    return null;
  }
  return { url: env.NEXT_PUBLIC_SUPABASE_URL, publishableKey: env.NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY };
}

export class SupabaseNotConfiguredError extends Error {
  constructor() {
    super(
      "Supabase Auth is not configured: set NEXT_PUBLIC_SUPABASE_URL and NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY " +
        "(without them Junction runs in local mode, where nobody signs in).",
    );
    this.name = "SupabaseNotConfiguredError";
  }
}

export function requireSupabasePublicConfig(env?: Env): SupabasePublicConfig {
  const config = supabasePublicConfig(env);
  if (!config) throw new SupabaseNotConfiguredError();
  return config;
}
