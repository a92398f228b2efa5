import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { Role } from "@/lib/auth/types";
import { apiKeys, workspaceMembers } from "../schema";
import type { Db, Queryable } from "../types";

// Workspace API keys: `jct_` + 256 random bits. Only the sha256 is stored; the key is
// shown once at creation. A key acts as the member who created it, inside its workspace,
// so removing that member (or lowering their role) takes effect on the key at once.

const KEY_PREFIX = "jct_";
const KEY_FORMAT = /^jct_[A-Za-z0-9_-]{43}$/;
// Writing last_used_at on every request would turn reads into writes; once a minute is enough.
const LAST_USED_RESOLUTION_MS = 60_000;

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

export function generateApiKey(): { key: string; prefix: string; hash: string } {
  const key = KEY_PREFIX + randomBytes(32).toString("base64url");
  return { key, prefix: key.slice(0, 12), hash: hashApiKey(key) };
}

export type ApiKeySummary = Pick<
  typeof apiKeys.$inferSelect,
  "id" | "name" | "prefix" | "createdAt" | "lastUsedAt" | "revokedAt" | "createdBy"
>;

export async function createApiKey(
  q: Queryable,
  input: { workspaceId: string; name: string; createdBy: string },
): Promise<{ id: string; key: string; prefix: string }> {
  const { key, prefix, hash } = generateApiKey();
  const [row] = await q
    .insert(apiKeys)
    .values({ workspaceId: input.workspaceId, name: input.name, prefix, keyHash: hash, createdBy: input.createdBy })
    .returning({ id: apiKeys.id });
  return { id: row.id, key, prefix };
}

export async function listApiKeys(q: Queryable, workspaceId: string): Promise<ApiKeySummary[]> {
  return q
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      prefix: apiKeys.prefix,
      createdAt: apiKeys.createdAt,
      lastUsedAt: apiKeys.lastUsedAt,
      revokedAt: apiKeys.revokedAt,
      createdBy: apiKeys.createdBy,
    })
    .from(apiKeys)
    .where(eq(apiKeys.workspaceId, workspaceId))
    .orderBy(desc(apiKeys.createdAt));
}

/** Revokes a key of the workspace; false when there is no such (unrevoked) key. */
export async function revokeApiKey(q: Queryable, workspaceId: string, id: string): Promise<boolean> {
  const rows = await q
    .update(apiKeys)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(apiKeys.workspaceId, workspaceId), eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id });
  return rows.length > 0;
}

export type ApiKeyPrincipal = {
  keyId: string;
  /** The key's first characters, for the audit log ("API key jct_…"). */
  keyPrefix: string;
  workspaceId: string;
  userId: string;
  role: Role;
};

export type ApiKeyFailure = "malformed" | "unknown" | "revoked" | "orphaned";

/** Resolves a presented key (system query: there is no user yet). */
export async function authenticateApiKey(
  db: Db,
  key: string,
  now = new Date(),
): Promise<{ ok: true; principal: ApiKeyPrincipal } | { ok: false; reason: ApiKeyFailure }> {
  if (!KEY_FORMAT.test(key)) return { ok: false, reason: "malformed" };
  const [row] = await db
    .select({
      id: apiKeys.id,
      prefix: apiKeys.prefix,
      workspaceId: apiKeys.workspaceId,
      createdBy: apiKeys.createdBy,
      revokedAt: apiKeys.revokedAt,
      lastUsedAt: apiKeys.lastUsedAt,
      role: workspaceMembers.role,
    })
    .from(apiKeys)
    .leftJoin(
      workspaceMembers,
      and(eq(workspaceMembers.workspaceId, apiKeys.workspaceId), eq(workspaceMembers.userId, apiKeys.createdBy)),
    )
    .where(eq(apiKeys.keyHash, hashApiKey(key)));
  if (!row) return { ok: false, reason: "unknown" };
  if (row.revokedAt) return { ok: false, reason: "revoked" };
  if (!row.createdBy || !row.role) return { ok: false, reason: "orphaned" };
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.update(apiKeys).set({ lastUsedAt: now }).where(eq(apiKeys.id, row.id));
  }
  return {
    ok: true,
    principal: { keyId: row.id, keyPrefix: row.prefix, workspaceId: row.workspaceId, userId: row.createdBy, role: row.role as Role },
  };
}
