import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { safeNextPath } from "@/lib/auth/safe-next-path";
import { hasSupabaseSession } from "@/lib/auth/supabase/server";
import { isSupabaseAuthConfigured } from "@/lib/env";

export const metadata: Metadata = { title: "Sign in · Junction" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  // Local mode has one owner and nobody signs in.
  if (!isSupabaseAuthConfigured()) redirect("/");
  const next = safeNextPath((await searchParams).next);
  if (await hasSupabaseSession()) redirect(next);

  const signUpHref = next === "/" ? "/sign-up" : `/sign-up?next=${encodeURIComponent(next)}`;
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h1 className="text-xl">Sign in to Junction</h1>
        </CardTitle>
        <CardDescription>Use your email and password, or get a one-time link by email.</CardDescription>
      </CardHeader>
      <CardContent>
        <SignInForm next={next} />
      </CardContent>
      <CardFooter className="justify-center text-sm text-muted-foreground">
        <p>
          New here?{" "}
          <Link href={signUpHref} className="font-medium text-foreground underline underline-offset-4">
            Create an account
          </Link>
        </p>
      </CardFooter>
    </Card>
  );
}
