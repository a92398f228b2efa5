import { createHmac, hkdfSync, timingSafeEqual, type KeyObject } from "node:crypto";
import { eq, lt, sql } from "drizzle-orm";
import type { KeyRing } from "@/lib/crypto";
import { oauthStates } from "@/lib/db/schema";
import type { Db } from "@/lib/db/types";

// The `state` of an OAuth authorization request: `<row id>.<HMAC>`. The row makes it
// single-use and expiring and binds it to a user and workspace; the HMAC (keyed from the
// encryption key ring) means a state cannot be guessed or forged from a row id.

export const STATE_TTL_MS = 10 * 60_000;

export class OAuthStateError extends Error {
  constructor(
    public readonly reason: "malformed" | "forged" | "unknown_or_used" | "expired" | "other_session",
    message: string,
  ) {
    super(message);
    this.name = "OAuthStateError";
  }
}

// A key of its own, derived from the encryption key: the state MAC never uses the AES key directly.
function macKey(secret: KeyObject): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, Buffer.alloc(0), "junction oauth state v1", 32));
}

function mac(key: Buffer, id: string, workspaceId: string, userId: string): string {
  return createHmac("sha256", key).update(`${id}\n${workspaceId}\n${userId}`).digest("base64url");
}

export interface OAuthStateInput {
  workspaceId: string;
  userId: string;
  connector: string;
  codeVerifier: string;
  redirectUri: string;
  payload: Record<string, unknown>;
}

export type OAuthStateRow = typeof oauthStates.$inferSelect;

export async function createOAuthState(db: Db, ring: KeyRing, input: OAuthStateInput, now = new Date()): Promise<string> {
  const [row] = await db
    .insert(oauthStates)
    .values({ ...input, expiresAt: new Date(now.getTime() + STATE_TTL_MS) })
    .returning({ id: oauthStates.id });
  // Old, abandoned handshakes are cleared as new ones start.
  await db.delete(oauthStates).where(lt(oauthStates.expiresAt, sql`now() - interval '1 hour'`));
  return `${row.id}.${mac(macKey(ring.active.secret), row.id, input.workspaceId, input.userId)}`;
}

/**
 * Checks and uses up a state: it must carry a valid HMAC, exist (not yet used), not be
 * expired, and belong to the user and workspace completing the flow. Deleted in any case
 * once found, so it can never be used twice.
 */
export async function consumeOAuthState(
  db: Db,
  ring: KeyRing,
  state: string,
  who: { userId: string; workspaceId: string },
  now = new Date(),
): Promise<OAuthStateRow> {
  const match = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/.exec(state);
  if (!match) throw new OAuthStateError("malformed", "The OAuth state is malformed. Start connecting again.");
  const [, id, signature] = match;
  const expected = mac(macKey(ring.active.secret), id, who.workspaceId, who.userId);
  const valid = [...ring.keys.values()].some((k) => {
    const candidate = k === ring.active ? expected : mac(macKey(k.secret), id, who.workspaceId, who.userId);
    return timingSafeEqual(Buffer.from(candidate), Buffer.from(signature));
  });
  if (!valid) {
    throw new OAuthStateError(
      "forged",
      "The OAuth state does not belong to this session (or was altered). Start connecting again.",
    );
  }
  const [row] = await db.delete(oauthStates).where(eq(oauthStates.id, id)).returning();
  if (!row) throw new OAuthStateError("unknown_or_used", "This OAuth request was already used or never started.");
  if (row.userId !== who.userId || row.workspaceId !== who.workspaceId) {
    throw new OAuthStateError("other_session", "This OAuth request was started by another user or workspace.");
  }
  if (row.expiresAt.getTime() <= now.getTime()) {
    throw new OAuthStateError("expired", "This OAuth request expired (after 10 minutes). Start connecting again.");
  }
  return row;
}
