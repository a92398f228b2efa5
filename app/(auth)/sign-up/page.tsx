import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { safeNextPath } from "@/lib/auth/safe-next-path";
import { hasSupabaseSession } from "@/lib/auth/supabase/server";
import { isSupabaseAuthConfigured } from "@/lib/env";

export const metadata: Metadata = { title: "Sign up · Junction" };

export default async function SignUpPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  // Local mode has one owner and nobody signs up.
  if (!isSupabaseAuthConfigured()) redirect("/");
  const next = safeNextPath((await searchParams).next);
  if (await hasSupabaseSession()) redirect(next);

  const signInHref = next === "/" ? "/sign-in" : `/sign-in?next=${encodeURIComponent(next)}`;
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h1 className="text-xl">Create your Junction account</h1>
        </CardTitle>
        <CardDescription>Your personal workspace is ready as soon as you are in.</CardDescription>
      </CardHeader>
      <CardContent>
        <SignUpForm next={next} />
      </CardContent>
      <CardFooter className="justify-center text-sm text-muted-foreground">
        <p>
          Already have an account?{" "}
          <Link href={signInHref} className="font-medium text-foreground underline underline-offset-4">
            Sign in
          </Link>
        </p>
      </CardFooter>
    </Card>
  );
}
