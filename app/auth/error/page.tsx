import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { authErrorMessage, UNREACHABLE_MESSAGE } from "@/lib/auth/supabase/auth-error-message";

export const metadata: Metadata = { title: "Sign-in link problem · Junction" };

const INVALID_LINK = "This link is invalid or has expired. Ask for a new one.";

// Only known reason codes become text; words from the URL are never echoed, so a crafted
// link cannot put its own message on this page.
function reasonMessage(reason: string | undefined): string {
  if (reason === "missing_token") return "This link is incomplete. Open the latest email we sent you, or ask for a new link.";
  if (reason === "unreachable") return UNREACHABLE_MESSAGE;
  if (!reason || reason === "invalid_link") return INVALID_LINK;
  const message = authErrorMessage({ code: reason });
  return message === authErrorMessage(null) ? INVALID_LINK : message;
}

export default async function AuthErrorPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { reason } = await searchParams;
  return (
    <main className="flex min-h-svh items-center justify-center bg-muted/40 p-6">
      <Card className="w-full max-w-sm">
        <CardHeader>
          <CardTitle>
            <h1>We could not sign you in</h1>
          </CardTitle>
          <CardDescription>
            <p role="alert">{reasonMessage(typeof reason === "string" ? reason : undefined)}</p>
          </CardDescription>
        </CardHeader>
        <CardFooter>
          <Button asChild className="w-full">
            <Link href="/sign-in">Back to sign in</Link>
          </Button>
        </CardFooter>
      </Card>
    </main>
  );
}
