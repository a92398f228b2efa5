import type * as React from "react";
import { FieldErrors } from "@/components/auth/form-message";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

/**
 * One labelled input of the sign-in and sign-up forms, with an optional hint and the
 * server's validation errors; aria-describedby names the errors when there are some, else the hint.
 */
export function AuthField({
  id,
  label,
  errors,
  hint,
  ...input
}: { id: string; label: string; errors: string[] | undefined; hint?: React.ReactNode } & Omit<
  React.ComponentProps<typeof Input>,
  "id" | "aria-invalid" | "aria-describedby"
>) {
  const errorsId = `${id}-errors`;
  const hintId = `${id}-hint`;
  return (
    <div className="grid gap-2">
      <Label htmlFor={id}>{label}</Label>
      <Input
        id={id}
        {...input}
        aria-invalid={errors ? true : undefined}
        aria-describedby={errors ? errorsId : hint ? hintId : undefined}
      />
      {hint ? (
        <p id={hintId} className="text-xs text-muted-foreground">
          {hint}
        </p>
      ) : null}
      <FieldErrors id={errorsId} errors={errors} />
    </div>
  );
}
