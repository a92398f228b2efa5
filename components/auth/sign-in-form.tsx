"use client";

import { useActionState } from "react";
import { sendMagicLink, signIn } from "@/app/(auth)/actions";
import { FieldErrors, FormMessage } from "@/components/auth/form-message";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { initialAuthFormState, type AuthFormState } from "@/lib/auth/schemas";

// One email field serves both ways in: the pressed button's `intent` picks the action.
function signInOrSendLink(previous: AuthFormState, formData: FormData): Promise<AuthFormState> {
  return formData.get("intent") === "magic-link" ? sendMagicLink(previous, formData) : signIn(previous, formData);
}

export function SignInForm({ next }: { next: string }) {
  const [state, formAction, pending] = useActionState(signInOrSendLink, initialAuthFormState);
  const emailErrors = state.fieldErrors?.email;
  const passwordErrors = state.fieldErrors?.password;

  return (
    <form action={formAction} className="grid gap-4" noValidate>
      <input type="hidden" name="next" value={next} />
      <FormMessage state={state} />
      <div className="grid gap-2">
        <Label htmlFor="sign-in-email">Email</Label>
        <Input
          id="sign-in-email"
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={state.email}
          aria-invalid={emailErrors ? true : undefined}
          aria-describedby={emailErrors ? "sign-in-email-errors" : undefined}
        />
        <FieldErrors id="sign-in-email-errors" errors={emailErrors} />
      </div>
      <div className="grid gap-2">
        <Label htmlFor="sign-in-password">Password</Label>
        <Input
          id="sign-in-password"
          name="password"
          type="password"
          autoComplete="current-password"
          aria-invalid={passwordErrors ? true : undefined}
          aria-describedby={passwordErrors ? "sign-in-password-errors" : undefined}
        />
        <FieldErrors id="sign-in-password-errors" errors={passwordErrors} />
      </div>
      <Button type="submit" name="intent" value="password" disabled={pending}>
        Sign in
      </Button>
      <div className="flex items-center gap-3 text-xs text-muted-foreground" aria-hidden="true">
        <span className="h-px flex-1 bg-border" />
        or
        <span className="h-px flex-1 bg-border" />
      </div>
      <Button type="submit" name="intent" value="magic-link" variant="outline" disabled={pending}>
        Email me a magic link
      </Button>
    </form>
  );
}
