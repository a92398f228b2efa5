"use client";

import { useActionState } from "react";
import { signUp } from "@/app/(auth)/actions";
import { AuthField } from "@/components/auth/auth-field";
import { FormMessage } from "@/components/auth/form-message";
import { Button } from "@/components/ui/button";
import { initialAuthFormState, PASSWORD_MIN_LENGTH } from "@/lib/auth/schemas";

export function SignUpForm({ next }: { next: string }) {
  const [state, formAction, pending] = useActionState(signUp, initialAuthFormState);

  return (
    <form action={formAction} className="grid gap-4" noValidate>
      <input type="hidden" name="next" value={next} />
      <FormMessage state={state} />
      <AuthField
        id="sign-up-email"
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        required
        defaultValue={state.email}
        errors={state.fieldErrors?.email}
      />
      <AuthField
        id="sign-up-password"
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN_LENGTH}
        hint={`At least ${PASSWORD_MIN_LENGTH} characters.`}
        errors={state.fieldErrors?.password}
      />
      <Button type="submit" disabled={pending}>
        Sign up
      </Button>
    </form>
  );
}
