import type { AuthFormState } from "@/lib/auth/schemas";
import { cn } from "@/lib/utils";

/** The message an auth action returned: an alert for errors, a polite status otherwise. */
export function FormMessage({ state }: { state: AuthFormState }) {
  if (!state.message) return null;
  const isError = state.status === "error";
  return (
    <p
      role={isError ? "alert" : "status"}
      className={cn(
        "rounded-md border px-3 py-2 text-sm",
        isError ? "border-destructive/40 bg-destructive/10 text-destructive" : "border-border bg-muted text-foreground",
      )}
    >
      {state.message}
    </p>
  );
}

/** The validation messages under one field; `id` is what the input's aria-describedby names. */
export function FieldErrors({ id, errors }: { id: string; errors: string[] | undefined }) {
  if (!errors?.length) return null;
  return (
    <p id={id} className="text-sm text-destructive">
      {errors.join(" ")}
    </p>
  );
}
