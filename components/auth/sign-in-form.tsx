"use client";

import { useActionState } from "react";
import { sendMagicLink, signIn } from "@/app/(auth)/actions";
import { AuthField } from "@/components/auth/auth-field";
import { FormMessage } from "@/components/auth/form-message";
import { Button } from "@/components/ui/button";
import { initialAuthFormState, type AuthFormState } from "@/lib/auth/schemas";

// One email field serves both ways in: the pressed button's `intent` picks the action.
function signInOrSendLink(previous: AuthFormState, formData: FormData): Promise<AuthFormState> {
  return formData.get("intent") === "magic-link" ? sendMagicLink(previous, formData) : signIn(previous, formData);
}

export function SignInForm({ next }: { next: string }) {
  const [state, formAction, pending] = useActionState(signInOrSendLink, initialAuthFormState);

  return (
    <form action={formAction} className="grid gap-4" noValidate>
      <input type="hidden" name="next" value={next} />
      <FormMessage state={state} />
      <AuthField
        id="sign-in-email"
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        required
        defaultValue={state.email}
        errors={state.fieldErrors?.email}
      />
      <AuthField
        id="sign-in-password"
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        errors={state.fieldErrors?.password}
      />
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
