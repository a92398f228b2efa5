import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  confirmParamsSchema,
  formDataToObject,
  magicLinkSchema,
  PASSWORD_MAX_LENGTH,
  signInSchema,
  signUpSchema,
} from "./schemas";

function fieldErrors(result: { success: boolean; error?: z.ZodError }): Record<string, string[] | undefined> {
  return result.error ? z.flattenError(result.error).fieldErrors : {};
}

describe("signInSchema", () => {
  it("accepts an email and password, trimming the email and defaulting next to /", () => {
    const result = signInSchema.safeParse({ email: "  ada@example.com ", password: "x" });
    expect(result.success).toBe(true);
    expect(result.data).toEqual({ email: "ada@example.com", password: "x", next: "/" });
  });

  it.each(["", "   ", "ada", "ada@", "@example.com", "ada example.com", "ada@exa mple.com"])(
    "refuses the bad email %j",
    (email) => {
      const result = signInSchema.safeParse({ email, password: "secret-password" });
      expect(result.success).toBe(false);
      expect(fieldErrors(result).email?.length).toBeGreaterThan(0);
    },
  );

  it("refuses a missing or empty password", () => {
    expect(fieldErrors(signInSchema.safeParse({ email: "ada@example.com" })).password).toEqual([
      "Enter your password",
    ]);
    expect(fieldErrors(signInSchema.safeParse({ email: "ada@example.com", password: "" })).password).toEqual([
      "Enter your password",
    ]);
  });

  it("keeps a safe next path and replaces an unsafe one", () => {
    const ok = signInSchema.parse({ email: "ada@example.com", password: "x", next: "/flows/1?tab=runs" });
    expect(ok.next).toBe("/flows/1?tab=runs");
    const evil = signInSchema.parse({ email: "ada@example.com", password: "x", next: "//evil.com" });
    expect(evil.next).toBe("/");
  });
});

describe("signUpSchema", () => {
  it("accepts a valid email and a long enough password", () => {
    expect(signUpSchema.safeParse({ email: "ada@example.com", password: "correct horse" }).success).toBe(true);
  });

  it("refuses a short password", () => {
    const result = signUpSchema.safeParse({ email: "ada@example.com", password: "1234567" });
    expect(result.success).toBe(false);
    expect(fieldErrors(result).password).toEqual(["Use at least 8 characters"]);
  });

  it("refuses a password longer than bcrypt reads", () => {
    const result = signUpSchema.safeParse({ email: "ada@example.com", password: "a".repeat(PASSWORD_MAX_LENGTH + 1) });
    expect(fieldErrors(result).password).toEqual([`Use at most ${PASSWORD_MAX_LENGTH} characters`]);
  });

  it("reports a bad email and a short password together", () => {
    const errors = fieldErrors(signUpSchema.safeParse({ email: "not-an-email", password: "short" }));
    expect(errors.email).toEqual(["Enter a valid email address"]);
    expect(errors.password).toEqual(["Use at least 8 characters"]);
  });
});

describe("magicLinkSchema", () => {
  it("needs only an email", () => {
    expect(magicLinkSchema.parse({ email: "ada@example.com", password: "ignored" })).toEqual({
      email: "ada@example.com",
      next: "/",
    });
  });

  it("refuses a bad email", () => {
    expect(fieldErrors(magicLinkSchema.safeParse({ email: "nope" })).email).toEqual(["Enter a valid email address"]);
  });
});

describe("confirmParamsSchema", () => {
  it("accepts a token hash with a known type", () => {
    expect(confirmParamsSchema.parse({ token_hash: "abc", type: "magiclink", next: "/flows" })).toEqual({
      token_hash: "abc",
      type: "magiclink",
      next: "/flows",
    });
  });

  it("accepts a PKCE code", () => {
    expect(confirmParamsSchema.parse({ code: "xyz" })).toEqual({ code: "xyz", next: "/" });
  });

  it("refuses an unknown type, a missing token and an empty query", () => {
    expect(confirmParamsSchema.safeParse({ token_hash: "abc", type: "admin" }).success).toBe(false);
    expect(confirmParamsSchema.safeParse({ type: "email" }).success).toBe(false);
    expect(confirmParamsSchema.safeParse({}).success).toBe(false);
  });

  it("sanitizes next", () => {
    expect(confirmParamsSchema.parse({ token_hash: "abc", type: "email", next: "https://evil.com" }).next).toBe("/");
  });
});

describe("formDataToObject", () => {
  it("keeps the first string value of each field and drops files", () => {
    const form = new FormData();
    form.append("email", "ada@example.com");
    form.append("email", "second@example.com");
    form.append("avatar", new Blob(["x"]), "a.png");
    expect(formDataToObject(form)).toEqual({ email: "ada@example.com" });
  });
});
