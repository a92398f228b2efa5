// Supabase Auth errors turned into sentences for a form. Unknown errors get a neutral
// message: the raw one can name internals, and never says which emails have accounts.

export interface AuthErrorLike {
  code?: string;
  status?: number;
  message?: string;
}

const MESSAGES: Record<string, string> = {
  invalid_credentials: "Email or password is incorrect.",
  email_not_confirmed: "Confirm your email address first: follow the link we sent you.",
  user_banned: "This account is disabled.",
  user_already_exists: "An account with this email already exists. Sign in instead.",
  email_exists: "An account with this email already exists. Sign in instead.",
  weak_password: "Choose a stronger password.",
  same_password: "Choose a password you have not used here before.",
  email_address_invalid: "Enter a valid email address.",
  email_address_not_authorized: "Email cannot be sent to this address.",
  signup_disabled: "New sign-ups are turned off on this Junction.",
  email_provider_disabled: "Email sign-in is turned off on this Junction.",
  over_request_rate_limit: "Too many attempts. Wait a minute and try again.",
  over_email_send_rate_limit: "Too many emails sent. Wait a few minutes and try again.",
  captcha_failed: "The captcha check failed. Try again.",
  otp_expired: "This link has expired or was already used. Ask for a new one.",
  flow_state_expired: "This link has expired. Ask for a new one.",
  flow_state_not_found: "This link was opened in a different browser. Open it where you asked for it.",
  bad_code_verifier: "This link was opened in a different browser. Open it where you asked for it.",
};

export const UNREACHABLE_MESSAGE = "The sign-in service could not be reached. Try again in a moment.";
const FALLBACK_MESSAGE = "Something went wrong. Try again.";

export function authErrorMessage(error: AuthErrorLike | null | undefined): string {
  if (!error) return FALLBACK_MESSAGE;
  if (error.code && MESSAGES[error.code]) return MESSAGES[error.code];
  if (error.status === 429) return MESSAGES.over_request_rate_limit;
  // supabase-js reports a failed fetch as an AuthRetryableFetchError without a code.
  if (error.status === 0 || (error.status !== undefined && error.status >= 500)) return UNREACHABLE_MESSAGE;
  return FALLBACK_MESSAGE;
}
