import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureAuthUser } from "@/lib/db/queries/users";
import { openTestDatabase } from "@/lib/db/testing";
import type { DatabaseHandle } from "@/lib/db/types";
import { parseEnv } from "@/lib/env";
import { startTestServer, type TestServer } from "@/lib/http/test-server";
import { inviteAvailability, inviteWithSupabase } from "./invite-user";

// The invitation against a local stand-in for Supabase Auth's admin API (a real HTTP server
// on 127.0.0.1): what is sent, with which key, and what a refusal becomes.

let handle: DatabaseHandle;
let auth: TestServer;
let answer: { status: number; body: unknown } = { status: 200, body: {} };
const invitedId = randomUUID();
const existing = { id: randomUUID(), email: "known@example.com" };

const env = (extra: Record<string, string> = {}) =>
  parseEnv({
    DATABASE_URL: "postgres://localhost:5432/junction",
    NEXT_PUBLIC_SUPABASE_URL: auth.origin,
    NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY: "sb_publishable_test",
    ...extra,
  });

beforeAll(async () => {
  handle = await openTestDatabase();
  await ensureAuthUser(handle.db, existing);
  auth = await startTestServer((_req, res) => {
    res.writeHead(answer.status, { "content-type": "application/json" });
    res.end(JSON.stringify(answer.body));
  });
});

afterAll(async () => {
  await auth.close();
  await handle.close();
});

describe("inviteAvailability", () => {
  it("is local mode without Supabase Auth, and asks for the secret key without it", () => {
    expect(inviteAvailability(parseEnv({}))).toBe("local_mode");
    expect(inviteAvailability(env())).toBe("needs_secret_key");
    expect(inviteAvailability(env({ SUPABASE_SECRET_KEY: "sb_secret_test" }))).toBe("ready");
  });
});

describe("inviteWithSupabase", () => {
  it("sends the admin invite with the secret key and returns the new user's id", async () => {
    answer = { status: 200, body: { id: invitedId, aud: "authenticated", email: "new@example.com" } };
    const result = await inviteWithSupabase("new@example.com", "https://hub.example.com/auth/confirm?next=/", env({ SUPABASE_SECRET_KEY: "sb_secret_test" }));
    expect(result).toEqual({ userId: invitedId });
    const sent = auth.requests.at(-1)!;
    expect(sent.method).toBe("POST");
    expect(sent.url).toBe(`/auth/v1/invite?redirect_to=${encodeURIComponent("https://hub.example.com/auth/confirm?next=/")}`);
    expect(sent.headers.apikey).toBe("sb_secret_test");
    expect(JSON.parse(sent.body)).toMatchObject({ email: "new@example.com" });
  });

  it("adds an existing account without sending anything", async () => {
    const before = auth.requests.length;
    expect(await inviteWithSupabase("Known@Example.com", "https://hub.example.com/", env({ SUPABASE_SECRET_KEY: "sb_secret_test" }))).toEqual({
      userId: existing.id,
    });
    expect(auth.requests.length).toBe(before);
  });

  it("turns a refusal into a clear error, and refuses without the secret key", async () => {
    answer = { status: 429, body: { code: 429, error_code: "over_email_send_rate_limit", msg: "Email rate limit exceeded" } };
    await expect(inviteWithSupabase("other@example.com", "https://hub.example.com/", env({ SUPABASE_SECRET_KEY: "sb_secret_test" }))).rejects.toMatchObject({
      status: 502,
      message: "Supabase did not send the invitation: Email rate limit exceeded.",
    });
    await expect(inviteWithSupabase("other@example.com", "https://hub.example.com/", env())).rejects.toMatchObject({
      status: 409,
      message: expect.stringMatching(/set SUPABASE_SECRET_KEY/),
    });
  });
});
