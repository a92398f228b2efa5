import { NextResponse, type NextRequest } from "next/server";
import { isSupabaseAuthConfigured } from "@/lib/env";
import { updateSession } from "@/lib/auth/supabase/proxy";

// Next.js proxy (formerly middleware). With Supabase Auth it keeps the session cookie fresh
// and sends signed-out visitors to /sign-in; in local mode there is no one to sign in.
export async function proxy(request: NextRequest) {
  if (!isSupabaseAuthConfigured()) return NextResponse.next();
  return updateSession(request);
}

export const config = {
  matcher: [
    // Everything except build output, image optimisation, files served from public/, and the
    // machine-to-machine endpoints (webhooks, the cron tick, the internal run route), which never
    // carry a session.
    "/((?!_next/static|_next/image|api/webhooks/|api/cron/|api/internal/|favicon\\.ico|.*\\.(?:ico|png|jpe?g|gif|webp|avif|svg|css|js|mjs|map|txt|xml|webmanifest|woff2?|ttf|otf)$).*)",
  ],
};
