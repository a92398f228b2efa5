import { sql } from "drizzle-orm";
import { boolean, check, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, ts, updatedAt } from "./columns";
import { connections } from "./connectors";
import { workspaces } from "./workspaces";

export const triggerTypes = ["webhook", "schedule", "manual"] as const;

export const flows = pgTable(
  "flows",
  {
    id: id(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    isActive: boolean("is_active").notNull().default(false),
    triggerType: text("trigger_type", { enum: triggerTypes }).notNull(),
    // The whole trigger config (schedule cron and zone, webhook options); secrets live in
    // webhook_endpoints, encrypted.
    trigger: jsonb("trigger").notNull(),
    nextRunAt: ts("next_run_at"),
    version: integer("version").notNull().default(1),
    // Delays between scheduled retries, in seconds; null means the default 5 min, 15 min, 1 h.
    retryPolicy: jsonb("retry_policy"),
    // Why the flow was paused by the system (e.g. its connection was revoked).
    pausedReason: text("paused_reason"),
    createdBy: uuid("created_by"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("flows_workspace_id_idx").on(t.workspaceId, t.createdAt),
    index("flows_due_schedule_idx")
      .on(t.nextRunAt)
      .where(sql`${t.isActive} and ${t.triggerType} = 'schedule'`),
    check("flows_trigger_type_check", sql`${t.triggerType} in ('webhook', 'schedule', 'manual')`),
    check("flows_name_length", sql`char_length(${t.name}) between 1 and 200`),
  ],
).enableRLS();

// Every saved edit of a flow is kept, so an execution can be re-run on the version it ran.
export const flowVersions = pgTable(
  "flow_versions",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    flowId: uuid("flow_id")
      .notNull()
      .references(() => flows.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    definition: jsonb("definition").notNull(),
    createdBy: uuid("created_by"),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.flowId, t.version] })],
).enableRLS();

export const stepKinds = ["action", "transform", "filter", "branch", "loop", "delay", "sync"] as const;

export const flowSteps = pgTable(
  "flow_steps",
  {
    id: id(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    flowId: uuid("flow_id")
      .notNull()
      .references(() => flows.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    key: text("key").notNull(),
    kind: text("kind", { enum: stepKinds }).notNull(),
    // Steps nested in a branch or loop name their parent step and the arm they sit in.
    parentKey: text("parent_key"),
    arm: text("arm"),
    connectionId: uuid("connection_id").references(() => connections.id, { onDelete: "set null" }),
    connector: text("connector"),
    action: text("action"),
    input: jsonb("input"),
    mapping: jsonb("mapping"),
    condition: text("condition"),
    retryPolicy: jsonb("retry_policy"),
    config: jsonb("config").notNull().default({}),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("flow_steps_flow_key_key").on(t.flowId, t.key),
    index("flow_steps_flow_position_idx").on(t.flowId, t.position),
    index("flow_steps_connection_id_idx").on(t.connectionId),
    check("flow_steps_kind_check", sql`${t.kind} in ('action', 'transform', 'filter', 'branch', 'loop', 'delay', 'sync')`),
  ],
).enableRLS();
