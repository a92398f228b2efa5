import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { resetEnvCache } from "@/lib/env";

// The confirm route with a fake Supabase client: which call each kind of link makes, and
// that the redirect after it never leaves the site.

class Redirect extends Error {
  constructor(public readonly location: string) {
    super(`redirect ${location}`);
  }
}

const auth = { verifyOtp: vi.fn(), exchangeCodeForSession: vi.fn() };

vi.mock("next/navigation", () => ({
  redirect: (location: string) => {
    throw new Redirect(location);
  },
}));
vi.mock("@/lib/auth/supabase/server", () => ({ createSupabaseServerClient: async () => ({ auth }) }));

const { GET } = await import("./route");

async function locationFor(query: string): Promise<string> {
  const error = await GET(new NextRequest(`https://hub.example.com/auth/confirm${query}`)).then(
    () => null,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof Redirect)) throw new Error(`expected a redirect, got ${String(error)}`);
  return error.location;
}

const savedEnv = { ...process.env };
beforeEach(() => {
  vi.clearAllMocks();
  process.env.NEXT_PUBLIC_SUPABASE_URL = "http://127.0.0.1:9";
  process.env.NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY = "sb_publishable_test";
  process.env.DATABASE_URL = "postgres://localhost:5432/junction";
  resetEnvCache();
});
afterEach(() => {
  process.env = { ...savedEnv };
  resetEnvCache();
});

describe("GET /auth/confirm", () => {
  it("verifies a token hash and goes to next", async () => {
    auth.verifyOtp.mockResolvedValue({ data: {}, error: null });
    expect(await locationFor("?token_hash=abc&type=magiclink&next=%2Fflows%3Ftab%3Druns")).toBe("/flows?tab=runs");
    expect(auth.verifyOtp).toHaveBeenCalledWith({ type: "magiclink", token_hash: "abc" });
  });

  it("exchanges a PKCE code", async () => {
    auth.exchangeCodeForSession.mockResolvedValue({ data: {}, error: null });
    expect(await locationFor("?code=xyz")).toBe("/");
    expect(auth.exchangeCodeForSession).toHaveBeenCalledWith("xyz");
  });

  it.each(["//evil.com", "https://evil.com/x", "/\\evil.com", "/.//evil.com", "javascript:alert(1)"])(
    "never follows next=%s off the site",
    async (next) => {
      auth.verifyOtp.mockResolvedValue({ data: {}, error: null });
      expect(await locationFor(`?token_hash=abc&type=email&next=${encodeURIComponent(next)}`)).toBe("/");
    },
  );

  it("sends a missing or malformed token to the error page without calling Supabase", async () => {
    expect(await locationFor("?next=%2Fflows")).toBe("/auth/error?reason=missing_token");
    expect(await locationFor("?token_hash=abc&type=admin")).toBe("/auth/error?reason=missing_token");
    expect(auth.verifyOtp).not.toHaveBeenCalled();
  });

  it("sends an expired link to the error page with its reason code", async () => {
    auth.verifyOtp.mockResolvedValue({ data: {}, error: { code: "otp_expired", status: 403, message: "expired" } });
    expect(await locationFor("?token_hash=abc&type=email")).toBe("/auth/error?reason=otp_expired");
  });

  it("reports an unreachable auth server", async () => {
    auth.verifyOtp.mockRejectedValue(new TypeError("fetch failed"));
    expect(await locationFor("?token_hash=abc&type=email")).toBe("/auth/error?reason=unreachable");
  });

  it("goes home in local mode", async () => {
    delete process.env.NEXT_PUBLIC_SUPABASE_URL;
    delete process.env.NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY;
    resetEnvCache();
    expect(await locationFor("?token_hash=abc&type=email")).toBe("/");
  });
});
