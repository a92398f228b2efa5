"use client";

import { useFormStatus } from "react-dom";
import { LoaderCircle, LogOut } from "lucide-react";

import { signOut } from "@/app/(auth)/actions";
import { Button } from "@/components/ui/button";

function SubmitButton() {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" variant="ghost" size="sm" disabled={pending} aria-label="Sign out">
      {pending ? <LoaderCircle className="animate-spin" /> : <LogOut />}
      <span className="hidden sm:inline">Sign out</span>
    </Button>
  );
}

/** A form rather than an onClick, so signing out still works before hydration. */
export function SignOutButton() {
  return (
    <form action={signOut}>
      <SubmitButton />
    </form>
  );
}
