import { describe, expect, it } from "vitest";
import { authErrorMessage, UNREACHABLE_MESSAGE } from "./auth-error-message";

describe("authErrorMessage", () => {
  it("explains known Supabase error codes", () => {
    expect(authErrorMessage({ code: "invalid_credentials", status: 400 })).toBe("Email or password is incorrect.");
    expect(authErrorMessage({ code: "email_not_confirmed", status: 400 })).toMatch(/Confirm your email/);
    expect(authErrorMessage({ code: "otp_expired", status: 403 })).toMatch(/expired/);
  });

  it("treats any 429 as a rate limit", () => {
    expect(authErrorMessage({ code: "something_new", status: 429 })).toMatch(/Too many attempts/);
  });

  it("reports network failures and server errors as unreachable", () => {
    expect(authErrorMessage({ status: 0, message: "fetch failed" })).toBe(UNREACHABLE_MESSAGE);
    expect(authErrorMessage({ status: 503, message: "upstream" })).toBe(UNREACHABLE_MESSAGE);
  });

  it("never echoes an unknown raw message", () => {
    const message = authErrorMessage({ code: "unexpected_failure", status: 400, message: "db: relation auth.x" });
    expect(message).toBe("Something went wrong. Try again.");
    expect(authErrorMessage(null)).toBe("Something went wrong. Try again.");
  });
});
