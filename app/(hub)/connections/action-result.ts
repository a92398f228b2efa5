import { unstable_rethrow } from "next/navigation";
import { ApiError } from "@/lib/api/errors";
import { redact } from "@/lib/http";

// What every server action of the connections and connectors pages returns, and the one place
// that turns a thrown error into it. Messages are scrubbed of the values the person typed: a
// service may echo a credential in its error, and an action's answer travels to the browser.

export type ActionState = { ok: boolean; error?: string; field?: string };

export const UNEXPECTED = "Something went wrong on our side. Please try again.";

export function actionFailure(error: unknown, secrets: readonly string[] = []): ActionState {
  // Next's redirect and not-found signals are not failures of the action.
  unstable_rethrow(error);
  if (error instanceof ApiError) {
    const field = typeof error.extra.field === "string" ? error.extra.field : undefined;
    return { ok: false, error: redact(error.message, secrets), ...(field ? { field } : {}) };
  }
  // Only the class name: an unexpected error's message may hold SQL or a secret.
  console.error("[actions] unexpected error:", error instanceof Error ? error.name : typeof error);
  return { ok: false, error: UNEXPECTED };
}
