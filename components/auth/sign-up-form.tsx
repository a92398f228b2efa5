"use client";

import { useActionState } from "react";
import { signUp } from "@/app/(auth)/actions";
import { FieldErrors, FormMessage } from "@/components/auth/form-message";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { initialAuthFormState, PASSWORD_MIN_LENGTH } from "@/lib/auth/schemas";

export function SignUpForm({ next }: { next: string }) {
  const [state, formAction, pending] = useActionState(signUp, initialAuthFormState);
  const emailErrors = state.fieldErrors?.email;
  const passwordErrors = state.fieldErrors?.password;

  return (
    <form action={formAction} className="grid gap-4" noValidate>
      <input type="hidden" name="next" value={next} />
      <FormMessage state={state} />
      <div className="grid gap-2">
        <Label htmlFor="sign-up-email">Email</Label>
        <Input
          id="sign-up-email"
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={state.email}
          aria-invalid={emailErrors ? true : undefined}
          aria-describedby={emailErrors ? "sign-up-email-errors" : undefined}
        />
        <FieldErrors id="sign-up-email-errors" errors={emailErrors} />
      </div>
      <div className="grid gap-2">
        <Label htmlFor="sign-up-password">Password</Label>
        <Input
          id="sign-up-password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={PASSWORD_MIN_LENGTH}
          aria-invalid={passwordErrors ? true : undefined}
          aria-describedby={passwordErrors ? "sign-up-password-errors" : "sign-up-password-hint"}
        />
        <p id="sign-up-password-hint" className="text-xs text-muted-foreground">
          At least {PASSWORD_MIN_LENGTH} characters.
        </p>
        <FieldErrors id="sign-up-password-errors" errors={passwordErrors} />
      </div>
      <Button type="submit" disabled={pending}>
        Sign up
      </Button>
    </form>
  );
}
