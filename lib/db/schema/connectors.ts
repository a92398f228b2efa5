import { sql } from "drizzle-orm";
import { check, index, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, ts, updatedAt } from "./columns";
import { workspaces } from "./workspaces";

// Built-in connectors live in code (lib/connectors); this table holds the custom ones a
// workspace defines without code, with their OAuth app secret encrypted.
export const connectors = pgTable(
  "connectors",
  {
    id: id(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    definition: jsonb("definition").notNull(),
    oauthClientSecretEnc: text("oauth_client_secret_enc"),
    createdBy: uuid("created_by"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("connectors_workspace_slug_key").on(t.workspaceId, t.slug)],
).enableRLS();

export const connectionStatuses = ["active", "invalid", "expired", "revoked"] as const;

export const connections = pgTable(
  "connections",
  {
    id: id(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    connector: text("connector").notNull(),
    name: text("name").notNull(),
    // AES-256-GCM ciphertext bound to this row (lib/crypto); null once revoked.
    credentialsEnc: text("credentials_enc"),
    status: text("status", { enum: connectionStatuses }).notNull().default("active"),
    statusReason: text("status_reason"),
    expiresAt: ts("expires_at"),
    lastValidatedAt: ts("last_validated_at"),
    // Non-secret facts about the account (e.g. the workspace name a token belongs to).
    metadata: jsonb("metadata").notNull().default({}),
    createdBy: uuid("created_by"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("connections_workspace_name_key").on(t.workspaceId, t.name),
    index("connections_workspace_connector_idx").on(t.workspaceId, t.connector),
    index("connections_expires_at_idx").on(t.expiresAt).where(sql`${t.status} = 'active' and ${t.expiresAt} is not null`),
    check("connections_status_check", sql`${t.status} in ('active', 'invalid', 'expired', 'revoked')`),
  ],
).enableRLS();

// The OAuth authorization-code handshake in flight: single use (deleted when the callback
// consumes it), expiring, bound to the user and workspace that started it.
export const oauthStates = pgTable(
  "oauth_states",
  {
    id: id(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    userId: uuid("user_id").notNull(),
    connector: text("connector").notNull(),
    // Connection name, the fields typed before the redirect (e.g. a shop), where to return.
    payload: jsonb("payload").notNull().default({}),
    // The PKCE verifier: useless without the one-time code, and gone within minutes.
    codeVerifier: text("code_verifier").notNull(),
    redirectUri: text("redirect_uri").notNull(),
    createdAt: createdAt(),
    expiresAt: ts("expires_at").notNull(),
  },
  (t) => [index("oauth_states_expires_at_idx").on(t.expiresAt)],
).enableRLS();
