"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { originFromHeaders } from "@/lib/api/site-origin";
import { isSupabaseAuthConfigured } from "@/lib/env";
import {
  formDataToObject,
  magicLinkSchema,
  signInSchema,
  signUpSchema,
  type AuthFormState,
} from "@/lib/auth/schemas";
import { authErrorMessage, UNREACHABLE_MESSAGE } from "@/lib/auth/supabase/auth-error-message";
import { createSupabaseServerClient } from "@/lib/auth/supabase/server";

// Sign-in, sign-up, magic link and sign-out. Every failure comes back to the form as an
// AuthFormState; only redirect() leaves these functions by throwing. In local mode there is
// nobody to sign in, so each of them goes home.

type SupabaseServerClient = Awaited<ReturnType<typeof createSupabaseServerClient>>;

function parseForm<T>(schema: z.ZodType<T>, formData: FormData): { data: T } | { state: AuthFormState } {
  const raw = formDataToObject(formData);
  const result = schema.safeParse(raw);
  if (result.success) return { data: result.data };
  const fieldErrors: AuthFormState["fieldErrors"] = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0];
    if (field === "email" || field === "password") (fieldErrors[field] ??= []).push(issue.message);
  }
  return { state: { status: "error", message: "Check the highlighted fields.", fieldErrors, email: raw.email } };
}

/** Runs a Supabase Auth call; null when it threw (network down, bad configuration). */
async function withSupabase<T>(call: (supabase: SupabaseServerClient) => Promise<T>): Promise<T | null> {
  try {
    return await call(await createSupabaseServerClient());
  } catch (cause) {
    console.error("[auth] Supabase Auth call failed:", cause instanceof Error ? cause.message : String(cause));
    return null;
  }
}

/** Where email links should come back to: JUNCTION_PUBLIC_URL, else the origin of this request. */
async function siteOrigin(): Promise<string> {
  return originFromHeaders(await headers());
}

async function confirmUrl(next: string): Promise<string> {
  const url = new URL("/auth/confirm", await siteOrigin());
  if (next !== "/") url.searchParams.set("next", next);
  return url.toString();
}

function failure(email: string, message: string): AuthFormState {
  return { status: "error", message, email };
}

export async function signIn(_previous: AuthFormState, formData: FormData): Promise<AuthFormState> {
  if (!isSupabaseAuthConfigured()) redirect("/");
  const parsed = parseForm(signInSchema, formData);
  if ("state" in parsed) return parsed.state;
  const { email, password, next } = parsed.data;

  const result = await withSupabase((supabase) => supabase.auth.signInWithPassword({ email, password }));
  if (!result) return failure(email, UNREACHABLE_MESSAGE);
  if (result.error) return failure(email, authErrorMessage(result.error));
  redirect(next);
}

export async function signUp(_previous: AuthFormState, formData: FormData): Promise<AuthFormState> {
  if (!isSupabaseAuthConfigured()) redirect("/");
  const parsed = parseForm(signUpSchema, formData);
  if ("state" in parsed) return parsed.state;
  const { email, password, next } = parsed.data;

  const emailRedirectTo = await confirmUrl(next);
  const result = await withSupabase((supabase) =>
    supabase.auth.signUp({ email, password, options: { emailRedirectTo } }),
  );
  if (!result) return failure(email, UNREACHABLE_MESSAGE);
  if (result.error) return failure(email, authErrorMessage(result.error));
  // Without a session the project asks for email confirmation. Supabase answers the same way
  // for an address that already has an account, so this message must not say which it was.
  if (!result.data.session) {
    return { status: "sent", email, message: `Check your inbox: we sent a link to ${email} to confirm your account.` };
  }
  redirect(next);
}

// Supabase's answers when the address has no account; they get the same reply as a sent link.
const NO_ACCOUNT_CODES = new Set(["otp_disabled", "user_not_found", "signup_disabled"]);

export async function sendMagicLink(_previous: AuthFormState, formData: FormData): Promise<AuthFormState> {
  if (!isSupabaseAuthConfigured()) redirect("/");
  const parsed = parseForm(magicLinkSchema, formData);
  if ("state" in parsed) return parsed.state;
  const { email, next } = parsed.data;

  const emailRedirectTo = await confirmUrl(next);
  const result = await withSupabase((supabase) =>
    // A magic link signs in an existing account; accounts are created on the sign-up page.
    supabase.auth.signInWithOtp({ email, options: { emailRedirectTo, shouldCreateUser: false } }),
  );
  if (!result) return failure(email, UNREACHABLE_MESSAGE);
  if (result.error && !NO_ACCOUNT_CODES.has(result.error.code ?? "")) {
    return failure(email, authErrorMessage(result.error));
  }
  return {
    status: "sent",
    email,
    message: `If ${email} has a Junction account, a sign-in link is on its way. Check your inbox.`,
  };
}

export async function signOut(): Promise<void> {
  if (!isSupabaseAuthConfigured()) redirect("/");
  // "local" clears this browser's session before calling Supabase, so signing out works even
  // when the auth server cannot be reached; other devices stay signed in.
  await withSupabase((supabase) => supabase.auth.signOut({ scope: "local" }));
  redirect("/sign-in");
}
