import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseKeyRing } from "@/lib/crypto";
import { ensureAuthUser } from "@/lib/db/queries/users";
import { createWorkspace } from "@/lib/db/queries/workspaces";
import { openTestDatabase } from "@/lib/db/testing";
import type { DatabaseHandle } from "@/lib/db/types";
import { consumeOAuthState, createOAuthState, OAuthStateError, STATE_TTL_MS } from "./state";

const ring = parseKeyRing(`k1:${randomBytes(32).toString("base64")}`);
let handle: DatabaseHandle;
const user = { id: randomUUID(), email: "o@example.com" };
let workspaceId: string;
let otherWorkspaceId: string;

const input = () => ({
  workspaceId,
  userId: user.id,
  connector: "github",
  codeVerifier: "verifier",
  redirectUri: "http://127.0.0.1:3000/api/oauth/github/callback",
  payload: { name: "GitHub" },
});

async function reason(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(OAuthStateError);
  return (error as OAuthStateError).reason;
}

beforeAll(async () => {
  handle = await openTestDatabase();
  await ensureAuthUser(handle.db, user);
  workspaceId = (await createWorkspace(handle.db, { name: "W", ownerId: user.id })).id;
  otherWorkspaceId = (await createWorkspace(handle.db, { name: "X", ownerId: user.id })).id;
});
afterAll(async () => {
  await handle.close();
});

describe("OAuth state", () => {
  it("is consumed once by the user and workspace that started it", async () => {
    const state = await createOAuthState(handle.db, ring, input());
    const row = await consumeOAuthState(handle.db, ring, state, { userId: user.id, workspaceId });
    expect(row).toMatchObject({ connector: "github", codeVerifier: "verifier", payload: { name: "GitHub" } });
    expect(await reason(consumeOAuthState(handle.db, ring, state, { userId: user.id, workspaceId }))).toBe(
      "unknown_or_used",
    );
  });

  it("is refused when altered, malformed, or presented by another user or workspace", async () => {
    const state = await createOAuthState(handle.db, ring, input());
    const [id, sig] = state.split(".");
    const flipped = `${id}.${sig[0] === "A" ? "B" : "A"}${sig.slice(1)}`;
    expect(await reason(consumeOAuthState(handle.db, ring, flipped, { userId: user.id, workspaceId }))).toBe("forged");
    expect(await reason(consumeOAuthState(handle.db, ring, "nonsense", { userId: user.id, workspaceId }))).toBe(
      "malformed",
    );
    expect(
      await reason(consumeOAuthState(handle.db, ring, state, { userId: randomUUID(), workspaceId })),
    ).toBe("forged");
    expect(
      await reason(consumeOAuthState(handle.db, ring, state, { userId: user.id, workspaceId: otherWorkspaceId })),
    ).toBe("forged");
    // The legitimate owner can still use it: refusals did not consume it.
    await consumeOAuthState(handle.db, ring, state, { userId: user.id, workspaceId });
  });

  it("expires after ten minutes", async () => {
    const start = new Date();
    const state = await createOAuthState(handle.db, ring, input(), start);
    const later = new Date(start.getTime() + STATE_TTL_MS + 1000);
    expect(await reason(consumeOAuthState(handle.db, ring, state, { userId: user.id, workspaceId }, later))).toBe(
      "expired",
    );
  });

  it("is forged if signed by a key not in the ring", async () => {
    const otherRing = parseKeyRing(`k9:${randomBytes(32).toString("base64")}`);
    const state = await createOAuthState(handle.db, otherRing, input());
    expect(await reason(consumeOAuthState(handle.db, ring, state, { userId: user.id, workspaceId }))).toBe("forged");
  });
});
