import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { ApiError, conflict, forbidden, fromZodError, notFound, ValidationError } from "@/lib/api/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { roleAtLeast, type Actor } from "@/lib/auth/types";
import { findAuth, parseCredentials } from "@/lib/connectors/credentials";
import type { AuthType, ConnectorDefinition } from "@/lib/connectors/types";
import { connections } from "@/lib/db/schema";
import { withUser } from "@/lib/db/scope";
import type { Tx } from "@/lib/db/types";
import { checkCredentials } from "./check-credentials";
import { flowsUsingConnection, getConnectionRow, pauseFlows } from "./connection-queries";
import { presentConnection, type ConnectionResponse } from "./present";
import { resolveConnector } from "./resolve-connector";
import { openCredentials, sealCredentials, type StoredCredentials } from "./sealed-credentials";

export const connectionCreateSchema = z
  .strictObject({
    connector: z.string().min(1, "must not be empty").max(100),
    name: z.string().trim().min(1, "must not be empty").max(100, "must be at most 100 characters"),
    auth_type: z.enum(["api_key", "bearer", "basic", "oauth2", "none"]).optional(),
    credentials: z.record(z.string(), z.unknown()).default({}),
    /** Check the credentials with the service before saving (default true). */
    validate: z.boolean().default(true),
  })
  .meta({ id: "ConnectionCreate" });

export const rateLimitOverrideSchema = z.strictObject({
  requests: z.number().int().min(1).max(100_000),
  per_seconds: z.number().int().min(1).max(86_400),
});

export const connectionUpdateSchema = z
  .strictObject({
    name: z.string().trim().min(1, "must not be empty").max(100, "must be at most 100 characters").optional(),
    /** Overrides the connector's declared rate limit for this connection; null restores it. */
    rate_limit: rateLimitOverrideSchema.nullable().optional(),
  })
  .refine((v) => v.name !== undefined || v.rate_limit !== undefined, "send name or rate_limit")
  .meta({ id: "ConnectionUpdate" });

function requireWriter(actor: Actor): void {
  if (!roleAtLeast(actor.role, "member")) throw forbidden("Viewers cannot change connections.");
}

const asUser = <T>(actor: Actor, fn: (tx: Tx) => Promise<T>) => withUser({ userId: actor.userId, email: actor.email }, fn);

function chooseAuthType(def: ConnectorDefinition, wanted: AuthType | undefined): AuthType {
  if (wanted) {
    try {
      findAuth(def, wanted);
    } catch {
      throw new ValidationError(
        `auth_type: ${def.name} does not support ${wanted}; use one of ${def.auth.map((a) => a.type).join(", ")}`,
        "auth_type",
      );
    }
    return wanted;
  }
  const first = def.auth.find((a) => a.type !== "oauth2") ?? def.auth[0];
  return first.type;
}

/** The check failed: a clear error, and nothing was saved. */
function validationFailure(def: ConnectorDefinition, outcome: { reason: "invalid" | "transient"; message: string }): ApiError {
  return outcome.reason === "invalid"
    ? new ApiError(400, "credentials_invalid", outcome.message, { field: "credentials" })
    : new ApiError(502, "validation_unavailable", `${outcome.message} Nothing was saved; try again, or save without checking ("validate": false).`);
}

async function isNameTaken(tx: Tx, workspaceId: string, name: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: connections.id })
    .from(connections)
    .where(and(eq(connections.workspaceId, workspaceId), eq(connections.name, name)));
  return Boolean(row);
}

/**
 * Creates a connection from typed credentials (API key, token, basic): the connector and
 * fields are checked, the credentials proven with the service's cheap call, and only then
 * encrypted and stored. OAuth2 connections are made by the authorization flow instead.
 */
export async function createConnection(actor: Actor, raw: unknown): Promise<ConnectionResponse> {
  requireWriter(actor);
  const parsedInput = connectionCreateSchema.safeParse(raw);
  if (!parsedInput.success) throw fromZodError(parsedInput.error);
  const input = parsedInput.data;
  const resolved = await asUser(actor, (tx) => resolveConnector(tx, actor.workspaceId, input.connector));
  if (!resolved) throw new ValidationError(`connector: there is no connector "${input.connector}"`, "connector");
  const { def } = resolved;
  const authType = chooseAuthType(def, input.auth_type);
  if (authType === "oauth2") {
    throw new ValidationError(
      `auth_type: ${def.name} connects with OAuth; start it at /api/oauth/${def.slug}/start`,
      "auth_type",
    );
  }
  const stored: StoredCredentials = { authType, values: parseCredentials(def, authType, input.credentials) };

  if (await asUser(actor, (tx) => isNameTaken(tx, actor.workspaceId, input.name))) {
    throw conflict(`A connection named "${input.name}" already exists in this workspace.`);
  }

  let accountLabel: string | undefined;
  let validatedAt: Date | null = null;
  if (input.validate) {
    const outcome = await checkCredentials(def, stored);
    if (outcome && !outcome.ok) throw validationFailure(def, outcome);
    if (outcome) {
      validatedAt = new Date();
      accountLabel = outcome.accountLabel;
    }
  }

  const id = randomUUID();
  const credentialsEnc = await sealCredentials(id, actor.workspaceId, stored);
  const row = await asUser(actor, async (tx) => {
    const [inserted] = await tx
      .insert(connections)
      .values({
        id,
        workspaceId: actor.workspaceId,
        connector: def.slug,
        name: input.name,
        credentialsEnc,
        status: "active",
        lastValidatedAt: validatedAt,
        metadata: { auth_type: authType, ...(accountLabel ? { account_label: accountLabel } : {}) },
        createdBy: actor.userId,
      })
      .onConflictDoNothing()
      .returning();
    if (inserted) await recordAudit(tx, actor, { action: "connection.created", targetType: "connection", targetId: id, targetName: inserted.name, details: { connector: def.slug } });
    return inserted;
  });
  if (!row) throw conflict(`A connection named "${input.name}" already exists in this workspace.`);
  return presentConnection(row, []);
}

async function loadConnection(actor: Actor, id: string) {
  if (!z.string().uuid().safeParse(id).success) throw notFound("No such connection.");
  const found = await asUser(actor, async (tx) => {
    const row = await getConnectionRow(tx, actor.workspaceId, id);
    return row ? { row, usedBy: await flowsUsingConnection(tx, actor.workspaceId, id) } : null;
  });
  if (!found) throw notFound("No such connection.");
  return found;
}

export async function getConnection(actor: Actor, id: string): Promise<ConnectionResponse> {
  const { row, usedBy } = await loadConnection(actor, id);
  return presentConnection(row, usedBy);
}

/** Calls the service with the stored credentials now, and records the result on the connection. */
export async function validateConnection(actor: Actor, id: string): Promise<ConnectionResponse> {
  requireWriter(actor);
  const { row, usedBy } = await loadConnection(actor, id);
  if (row.status === "revoked" || !row.credentialsEnc) {
    throw conflict("This connection was revoked; its credentials no longer exist. Create a new connection.");
  }
  const resolved = await asUser(actor, (tx) => resolveConnector(tx, actor.workspaceId, row.connector));
  if (!resolved) throw conflict(`The connector "${row.connector}" of this connection no longer exists.`);
  const stored = await openCredentials(row.id, row.workspaceId, row.credentialsEnc);
  const outcome = await checkCredentials(resolved.def, stored);
  if (!outcome) {
    throw new ApiError(409, "not_checkable", `${resolved.def.name} has no call to check credentials with.`);
  }
  if (!outcome.ok && outcome.reason === "transient") throw validationFailure(resolved.def, outcome);

  const metadata = { ...(row.metadata as object), ...(outcome.ok && outcome.accountLabel ? { account_label: outcome.accountLabel } : {}) };
  const updated = await asUser(actor, async (tx) => {
    const [u] = await tx
      .update(connections)
      .set(
        outcome.ok
          ? { status: "active", statusReason: null, lastValidatedAt: new Date(), metadata, updatedAt: new Date() }
          : { status: "invalid", statusReason: outcome.message, lastValidatedAt: new Date(), updatedAt: new Date() },
      )
      .where(and(eq(connections.id, row.id), eq(connections.workspaceId, actor.workspaceId)))
      .returning();
    return u;
  });
  return presentConnection(updated, usedBy);
}

/** Renames a connection and/or sets its own rate limit. */
export async function updateConnection(actor: Actor, id: string, raw: unknown): Promise<ConnectionResponse> {
  requireWriter(actor);
  const parsed = connectionUpdateSchema.safeParse(raw);
  if (!parsed.success) throw fromZodError(parsed.error);
  const { name, rate_limit } = parsed.data;
  const { row, usedBy } = await loadConnection(actor, id);
  if (name !== undefined && name !== row.name && (await asUser(actor, (tx) => isNameTaken(tx, actor.workspaceId, name)))) {
    throw conflict(`A connection named "${name}" already exists in this workspace.`);
  }
  const metadata = { ...(row.metadata as Record<string, unknown>) };
  if (rate_limit === null) delete metadata.rate_limit;
  else if (rate_limit) metadata.rate_limit = rate_limit;
  const updated = await asUser(actor, async (tx) => {
    const [u] = await tx
      .update(connections)
      .set({ ...(name !== undefined ? { name } : {}), metadata, updatedAt: new Date() })
      .where(and(eq(connections.id, row.id), eq(connections.workspaceId, actor.workspaceId)))
      .returning();
    if (name !== undefined && name !== row.name) await recordAudit(tx, actor, { action: "connection.renamed", targetType: "connection", targetId: row.id, targetName: name, details: { from: row.name, to: name } });
    return u;
  }).catch((error: unknown) => {
    // Two renames racing to the same name: the unique index decides.
    if (String((error as { cause?: { code?: string } }).cause?.code) === "23505") {
      throw conflict(`A connection named "${name}" already exists in this workspace.`);
    }
    throw error;
  });
  return presentConnection(updated, usedBy);
}

/**
 * Revokes a connection: its secret is destroyed (the ciphertext is deleted, not just flagged)
 * and every flow that uses it is paused, saying why, in the same transaction.
 */
export async function revokeConnection(actor: Actor, id: string): Promise<ConnectionResponse & { paused_flows: string[] }> {
  requireWriter(actor);
  const { row } = await loadConnection(actor, id);
  return asUser(actor, async (tx) => {
    const usedBy = await flowsUsingConnection(tx, actor.workspaceId, row.id);
    const [updated] = await tx
      .update(connections)
      .set({ credentialsEnc: null, status: "revoked", statusReason: "Revoked by a user.", updatedAt: new Date() })
      .where(and(eq(connections.id, row.id), eq(connections.workspaceId, actor.workspaceId)))
      .returning();
    await pauseFlows(
      tx,
      actor.workspaceId,
      usedBy.map((f) => f.flowId),
      `Paused because its connection "${row.name}" was revoked.`,
    );
    await recordAudit(tx, actor, { action: "connection.revoked", targetType: "connection", targetId: row.id, targetName: row.name, details: { paused_flows: usedBy.length } });
    return { ...presentConnection(updated, usedBy), paused_flows: usedBy.map((f) => f.flowId) };
  });
}
