import { z } from "zod";
import { safeNextPath } from "./safe-next-path";

// The sign-in and sign-up inputs. The forms and the server actions share these schemas,
// and the `next` redirect target is made safe by the schema itself.

// Supabase Auth hashes passwords with bcrypt, which reads at most 72 bytes.
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 72;

export const emailSchema = z
  .string({ error: "Enter your email address" })
  .trim()
  .min(1, "Enter your email address")
  .max(254, "This email address is too long")
  .pipe(z.email("Enter a valid email address"));

/** `?next=` or the hidden `next` field: a same-origin path, else "/". */
export const nextPathSchema = z
  .unknown()
  .optional()
  .transform((value) => safeNextPath(value));

export const signInSchema = z.object({
  email: emailSchema,
  // No minimum here: an account may predate the current sign-up rules.
  password: z
    .string({ error: "Enter your password" })
    .min(1, "Enter your password")
    .max(PASSWORD_MAX_LENGTH, `Passwords are at most ${PASSWORD_MAX_LENGTH} characters`),
  next: nextPathSchema,
});

export const signUpSchema = z.object({
  email: emailSchema,
  password: z
    .string({ error: "Choose a password" })
    .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters`)
    .max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters`),
  next: nextPathSchema,
});

export const magicLinkSchema = z.object({
  email: emailSchema,
  next: nextPathSchema,
});

export const EMAIL_OTP_TYPES = ["signup", "invite", "magiclink", "recovery", "email_change", "email"] as const;

/** The query of an email link landing on /auth/confirm. */
export const confirmParamsSchema = z.union([
  z.object({ token_hash: z.string().min(1), type: z.enum(EMAIL_OTP_TYPES), next: nextPathSchema }),
  // Supabase's default email templates use the PKCE flow and come back with `code`.
  z.object({ code: z.string().min(1), next: nextPathSchema }),
]);

export type SignInInput = z.infer<typeof signInSchema>;
export type SignUpInput = z.infer<typeof signUpSchema>;
export type MagicLinkInput = z.infer<typeof magicLinkSchema>;
export type ConfirmParams = z.infer<typeof confirmParamsSchema>;

/** What a sign-in or sign-up action hands back to its form. */
export interface AuthFormState {
  status: "idle" | "error" | "sent";
  message?: string;
  fieldErrors?: { email?: string[]; password?: string[] };
  /** Echoed back so the field keeps its value after React resets the form. */
  email?: string;
}

export const initialAuthFormState: AuthFormState = { status: "idle" };

/** FormData → plain object for a schema; file entries are dropped. */
export function formDataToObject(formData: FormData): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of formData) {
    if (typeof value === "string" && !(key in result)) result[key] = value;
  }
  return result;
}
