// GET /auth/confirm — finish an email link (sign-up confirmation or magic link), then go on
import { redirect } from "next/navigation";
import type { NextRequest } from "next/server";
import { isSupabaseAuthConfigured } from "@/lib/env";
import { confirmParamsSchema } from "@/lib/auth/schemas";
import { createSupabaseServerClient } from "@/lib/auth/supabase/server";

function errorPage(reason: string): never {
  redirect(`/auth/error?reason=${encodeURIComponent(reason)}`);
}

export async function GET(request: NextRequest) {
  if (!isSupabaseAuthConfigured()) redirect("/");

  const parsed = confirmParamsSchema.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!parsed.success) errorPage("missing_token");
  const params = parsed.data;

  let errorCode: string | null = null;
  try {
    const supabase = await createSupabaseServerClient();
    const { error } =
      "code" in params
        ? await supabase.auth.exchangeCodeForSession(params.code)
        : await supabase.auth.verifyOtp({ type: params.type, token_hash: params.token_hash });
    if (error) errorCode = error.code ?? (error.status === 429 ? "over_request_rate_limit" : "invalid_link");
  } catch {
    errorCode = "unreachable";
  }

  if (errorCode) errorPage(errorCode);
  // `next` went through safeNextPath in the schema: a path on this site, never another origin.
  redirect(params.next);
}
