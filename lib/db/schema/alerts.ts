import { sql } from "drizzle-orm";
import { boolean, check, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, ts, updatedAt } from "./columns";
import { connections } from "./connectors";
import { flows } from "./flows";
import { workspaces } from "./workspaces";

export const notificationChannels = pgTable(
  "notification_channels",
  {
    id: id(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    name: text("name").notNull(),
    // Webhook URLs and API keys are secrets: encrypted; the rest is plain config.
    secretEnc: text("secret_enc"),
    config: jsonb("config").notNull().default({}),
    isActive: boolean("is_active").notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("notification_channels_workspace_idx").on(t.workspaceId),
    check("notification_channels_kind_check", sql`${t.kind} in ('slack', 'discord', 'email', 'webhook')`),
  ],
).enableRLS();

export const alerts = pgTable(
  "alerts",
  {
    id: id(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    flowId: uuid("flow_id").references(() => flows.id, { onDelete: "cascade" }),
    connectionId: uuid("connection_id").references(() => connections.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    status: text("status").notNull().default("open"),
    // One open alert per fingerprint: repeated failures add occurrences, not messages.
    fingerprint: text("fingerprint").notNull(),
    title: text("title").notNull(),
    message: text("message").notNull(),
    occurrences: integer("occurrences").notNull().default(1),
    details: jsonb("details").notNull().default({}),
    openedAt: ts("opened_at").notNull().defaultNow(),
    acknowledgedAt: ts("acknowledged_at"),
    resolvedAt: ts("resolved_at"),
    lastNotifiedAt: ts("last_notified_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("alerts_open_fingerprint_key")
      .on(t.workspaceId, t.fingerprint)
      .where(sql`${t.status} <> 'resolved'`),
    index("alerts_workspace_opened_idx").on(t.workspaceId, t.openedAt.desc()),
    check("alerts_status_check", sql`${t.status} in ('open', 'acknowledged', 'resolved')`),
    check("alerts_kind_check", sql`${t.kind} in ('execution_failed', 'connection_invalid', 'error_rate')`),
  ],
).enableRLS();
