import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { initialAuthFormState } from "@/lib/auth/schemas";
import { UNREACHABLE_MESSAGE } from "@/lib/auth/supabase/auth-error-message";

// The actions with a fake Supabase client: what reaches Supabase, what the form gets back,
// and where redirect() goes. No Supabase server is involved.

class Redirect extends Error {
  constructor(public readonly location: string) {
    super(`redirect ${location}`);
  }
}

const auth = {
  signInWithPassword: vi.fn(),
  signUp: vi.fn(),
  signInWithOtp: vi.fn(),
  signOut: vi.fn(),
};
const createClient = vi.fn(async () => ({ auth }));

vi.mock("next/navigation", () => ({
  redirect: (location: string) => {
    throw new Redirect(location);
  },
}));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ origin: "https://hub.example.com", host: "hub.example.com" }),
}));
vi.mock("@/lib/auth/supabase/server", () => ({ createSupabaseServerClient: () => createClient() }));

const { sendMagicLink, signIn, signOut, signUp } = await import("./actions");

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
}

async function redirectOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof Redirect)) throw new Error(`expected a redirect, got ${String(error)}`);
  return error.location;
}

const savedEnv = { ...process.env };

function useSupabase() {
  process.env.NEXT_PUBLIC_SUPABASE_URL = "http://127.0.0.1:9";
  process.env.NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY = "sb_publishable_test";
  process.env.DATABASE_URL = "postgres://localhost:5432/junction";
  resetEnvCache();
}

function useLocalMode() {
  delete process.env.NEXT_PUBLIC_SUPABASE_URL;
  delete process.env.NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY;
  resetEnvCache();
}

beforeEach(() => {
  vi.clearAllMocks();
  delete process.env.JUNCTION_PUBLIC_URL;
  useSupabase();
});
afterEach(() => {
  process.env = { ...savedEnv };
  resetEnvCache();
});

describe("signIn", () => {
  it("signs in and goes to the safe next path", async () => {
    auth.signInWithPassword.mockResolvedValue({ data: {}, error: null });
    const location = await redirectOf(
      signIn(initialAuthFormState, form({ email: " ada@example.com ", password: "pw", next: "/flows/1" })),
    );
    expect(location).toBe("/flows/1");
    expect(auth.signInWithPassword).toHaveBeenCalledWith({ email: "ada@example.com", password: "pw" });
  });

  it("goes home instead of to another site", async () => {
    auth.signInWithPassword.mockResolvedValue({ data: {}, error: null });
    const location = await redirectOf(
      signIn(initialAuthFormState, form({ email: "ada@example.com", password: "pw", next: "//evil.com" })),
    );
    expect(location).toBe("/");
  });

  it("returns field errors without calling Supabase", async () => {
    const state = await signIn(initialAuthFormState, form({ email: "nope", password: "" }));
    expect(state.status).toBe("error");
    expect(state.fieldErrors?.email).toEqual(["Enter a valid email address"]);
    expect(state.fieldErrors?.password).toEqual(["Enter your password"]);
    expect(state.email).toBe("nope");
    expect(createClient).not.toHaveBeenCalled();
  });

  it("turns wrong credentials into a message", async () => {
    auth.signInWithPassword.mockResolvedValue({ data: {}, error: { code: "invalid_credentials", status: 400 } });
    const state = await signIn(initialAuthFormState, form({ email: "ada@example.com", password: "pw" }));
    expect(state).toEqual({ status: "error", message: "Email or password is incorrect.", email: "ada@example.com" });
  });

  it("turns a thrown network error into a message, not an exception", async () => {
    auth.signInWithPassword.mockRejectedValue(new TypeError("fetch failed"));
    vi.spyOn(console, "error").mockImplementation(() => {});
    const state = await signIn(initialAuthFormState, form({ email: "ada@example.com", password: "pw" }));
    expect(state.message).toBe(UNREACHABLE_MESSAGE);
  });

  it("goes home in local mode", async () => {
    useLocalMode();
    expect(await redirectOf(signIn(initialAuthFormState, form({})))).toBe("/");
  });
});

describe("signUp", () => {
  it("refuses a short password before calling Supabase", async () => {
    const state = await signUp(initialAuthFormState, form({ email: "ada@example.com", password: "short" }));
    expect(state.fieldErrors?.password).toEqual(["Use at least 8 characters"]);
    expect(createClient).not.toHaveBeenCalled();
  });

  it("asks to confirm the email when Supabase returns no session, linking back through /auth/confirm", async () => {
    auth.signUp.mockResolvedValue({ data: { user: {}, session: null }, error: null });
    const state = await signUp(
      initialAuthFormState,
      form({ email: "ada@example.com", password: "long enough", next: "/flows" }),
    );
    expect(state.status).toBe("sent");
    expect(state.message).toMatch(/ada@example\.com/);
    expect(auth.signUp).toHaveBeenCalledWith({
      email: "ada@example.com",
      password: "long enough",
      options: { emailRedirectTo: "https://hub.example.com/auth/confirm?next=%2Fflows" },
    });
  });

  it("prefers JUNCTION_PUBLIC_URL for the email link", async () => {
    process.env.JUNCTION_PUBLIC_URL = "https://junction.example.org/";
    resetEnvCache();
    auth.signUp.mockResolvedValue({ data: { user: {}, session: null }, error: null });
    await signUp(initialAuthFormState, form({ email: "ada@example.com", password: "long enough" }));
    expect(auth.signUp.mock.calls[0][0].options.emailRedirectTo).toBe("https://junction.example.org/auth/confirm");
  });

  it("goes on when Supabase signs the new user in at once", async () => {
    auth.signUp.mockResolvedValue({ data: { user: {}, session: { access_token: "t" } }, error: null });
    const location = await redirectOf(
      signUp(initialAuthFormState, form({ email: "ada@example.com", password: "long enough" })),
    );
    expect(location).toBe("/");
  });
});

describe("sendMagicLink", () => {
  it("sends a link for existing accounts only and reports it neutrally", async () => {
    auth.signInWithOtp.mockResolvedValue({ data: {}, error: null });
    const state = await sendMagicLink(initialAuthFormState, form({ email: "ada@example.com", password: "" }));
    expect(state.status).toBe("sent");
    expect(auth.signInWithOtp).toHaveBeenCalledWith({
      email: "ada@example.com",
      options: { emailRedirectTo: "https://hub.example.com/auth/confirm", shouldCreateUser: false },
    });
  });

  it("answers the same for an unknown address", async () => {
    auth.signInWithOtp.mockResolvedValue({ data: {}, error: { code: "otp_disabled", status: 422 } });
    const state = await sendMagicLink(initialAuthFormState, form({ email: "nobody@example.com" }));
    expect(state.status).toBe("sent");
  });

  it("reports a rate limit", async () => {
    auth.signInWithOtp.mockResolvedValue({ data: {}, error: { code: "over_email_send_rate_limit", status: 429 } });
    const state = await sendMagicLink(initialAuthFormState, form({ email: "ada@example.com" }));
    expect(state.status).toBe("error");
    expect(state.message).toMatch(/Too many emails/);
  });

  it("refuses a bad email", async () => {
    const state = await sendMagicLink(initialAuthFormState, form({ email: "ada@" }));
    expect(state.fieldErrors?.email).toEqual(["Enter a valid email address"]);
  });
});

describe("signOut", () => {
  it("signs this browser out and goes to /sign-in", async () => {
    auth.signOut.mockResolvedValue({ error: null });
    expect(await redirectOf(signOut())).toBe("/sign-in");
    expect(auth.signOut).toHaveBeenCalledWith({ scope: "local" });
  });

  it("still goes to /sign-in when Supabase cannot be reached", async () => {
    auth.signOut.mockRejectedValue(new TypeError("fetch failed"));
    vi.spyOn(console, "error").mockImplementation(() => {});
    expect(await redirectOf(signOut())).toBe("/sign-in");
  });

  it("just goes home in local mode", async () => {
    useLocalMode();
    expect(await redirectOf(signOut())).toBe("/");
    expect(createClient).not.toHaveBeenCalled();
  });
});
