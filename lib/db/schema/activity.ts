import { sql } from "drizzle-orm";
import { bigint, check, index, integer, jsonb, pgTable, primaryKey, smallint, text, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, ts } from "./columns";
import { flows } from "./flows";
import { workspaces } from "./workspaces";

// Who changed which flow, connection or setting, and when. Written by the application in
// the same transaction as the change; never updated.
export const auditEvents = pgTable(
  "audit_events",
  {
    id: id(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    // The signed-in user, or null for an API key or the system (then actorLabel says which).
    actorUserId: uuid("actor_user_id"),
    actorLabel: text("actor_label").notNull(),
    // e.g. "flow.created", "flow.updated", "connection.revoked", "workspace.retention_changed".
    action: text("action").notNull(),
    targetType: text("target_type").notNull(),
    targetId: uuid("target_id"),
    targetName: text("target_name"),
    details: jsonb("details").notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [
    index("audit_events_workspace_created_idx").on(t.workspaceId, t.createdAt.desc(), t.id.desc()),
    check("audit_events_target_type_check", sql`${t.targetType} in ('flow', 'connection', 'workspace', 'api_key', 'notification_channel', 'member')`),
  ],
).enableRLS();

// Finished executions per flow and hour (UTC), kept by a trigger on executions (see the
// migration activity_policies), so the dashboard and the health page read a few hundred
// rows instead of scanning a million executions: "last 24 hours" is at most 24 × 8 rows a
// flow, "30 days" 720 × 8. Dry runs are not counted. Survives retention.
export const flowHourlyStats = pgTable(
  "flow_hourly_stats",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    flowId: uuid("flow_id")
      .notNull()
      .references(() => flows.id, { onDelete: "cascade" }),
    hour: ts("hour").notNull(),
    // Each (flow, hour) is kept as 8 rows, picked by the execution id's hash, so executions of
    // one busy flow finishing at once do not queue on one row's lock. Readers sum them.
    shard: smallint("shard").notNull().default(0),
    succeeded: integer("succeeded").notNull().default(0),
    failed: integer("failed").notNull().default(0),
    cancelled: integer("cancelled").notNull().default(0),
    durationMsSum: bigint("duration_ms_sum", { mode: "number" }).notNull().default(0),
    durationCount: integer("duration_count").notNull().default(0),
    recordsProcessed: bigint("records_processed", { mode: "number" }).notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.flowId, t.hour, t.shard] }),
    index("flow_hourly_stats_workspace_hour_idx").on(t.workspaceId, t.hour),
  ],
).enableRLS();
