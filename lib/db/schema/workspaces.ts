import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { authUsers } from "drizzle-orm/supabase";
import { createdAt, id, ts, updatedAt } from "./columns";

export const workspaces = pgTable(
  "workspaces",
  {
    id: id(),
    name: text("name").notNull(),
    // Personal workspaces are created automatically, one per user, on first sign-in.
    personalFor: uuid("personal_for").references(() => authUsers.id, { onDelete: "cascade" }),
    retentionDays: integer("retention_days").notNull().default(30),
    createdBy: uuid("created_by"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("workspaces_personal_for_key").on(t.personalFor),
    check("workspaces_name_length", sql`char_length(${t.name}) between 1 and 100`),
    check("workspaces_retention_days_range", sql`${t.retentionDays} between 1 and 3650`),
  ],
).enableRLS();

export const workspaceMembers = pgTable(
  "workspace_members",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => authUsers.id, { onDelete: "cascade" }),
    role: text("role", { enum: ["owner", "admin", "member", "viewer"] }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.userId] }),
    index("workspace_members_user_id_idx").on(t.userId),
    check("workspace_members_role_check", sql`${t.role} in ('owner', 'admin', 'member', 'viewer')`),
  ],
).enableRLS();

export const apiKeys = pgTable(
  "api_keys",
  {
    id: id(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    // The first characters of the key, shown in lists so a person can tell keys apart.
    prefix: text("prefix").notNull(),
    // sha256 of the whole key; the key itself is shown once and never stored.
    keyHash: text("key_hash").notNull(),
    createdBy: uuid("created_by"),
    createdAt: createdAt(),
    lastUsedAt: ts("last_used_at"),
    revokedAt: ts("revoked_at"),
  },
  (t) => [
    uniqueIndex("api_keys_key_hash_key").on(t.keyHash),
    index("api_keys_workspace_id_idx").on(t.workspaceId, t.createdAt),
    check("api_keys_name_length", sql`char_length(${t.name}) between 1 and 100`),
  ],
).enableRLS();

// Fixed-window request counters shared by every instance (API keys now, connections later):
// process memory is not shared between serverless instances, Postgres is.
export const rateLimitBuckets = pgTable(
  "rate_limit_buckets",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    bucket: text("bucket").primaryKey(),
    windowStart: ts("window_start").notNull(),
    count: integer("count").notNull().default(0),
  },
  (t) => [index("rate_limit_buckets_window_idx").on(t.windowStart)],
).enableRLS();
