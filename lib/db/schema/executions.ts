import { sql } from "drizzle-orm";
import { boolean, check, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, ts, updatedAt } from "./columns";
import { flows } from "./flows";
import { webhookEvents } from "./webhooks";
import { workspaces } from "./workspaces";

export const executionStatuses = ["queued", "running", "succeeded", "failed", "retrying", "cancelled"] as const;

export const executions = pgTable(
  "executions",
  {
    id: id(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    flowId: uuid("flow_id")
      .notNull()
      .references(() => flows.id, { onDelete: "cascade" }),
    flowVersion: integer("flow_version").notNull(),
    eventId: uuid("event_id").references(() => webhookEvents.id, { onDelete: "set null" }),
    status: text("status", { enum: executionStatuses }).notNull().default("queued"),
    triggerType: text("trigger_type").notNull(),
    triggerPayload: jsonb("trigger_payload").notNull().default({}),
    dryRun: boolean("dry_run").notNull().default(false),
    attempt: integer("attempt").notNull().default(0),
    nextRetryAt: ts("next_retry_at"),
    // Not to be claimed before this moment (a delay step, a rate limit, a checkpoint).
    runAfter: ts("run_after"),
    leaseUntil: ts("lease_until"),
    leaseOwner: text("lease_owner"),
    // How many times a worker was lost while running it (its lease ran out).
    recoveries: integer("recoveries").notNull().default(0),
    recordsProcessed: integer("records_processed").notNull().default(0),
    errorMessage: text("error_message"),
    // Checksum of the mapped data a sync wrote, to skip an identical write next time.
    checksum: text("checksum"),
    // Re-runs point at the execution they repeat.
    rerunOf: uuid("rerun_of"),
    startedAt: ts("started_at"),
    completedAt: ts("completed_at"),
    durationMs: integer("duration_ms"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // Claiming work: the oldest queued first.
    index("executions_queued_idx").on(t.createdAt).where(sql`${t.status} = 'queued'`),
    index("executions_due_retry_idx").on(t.nextRetryAt).where(sql`${t.status} = 'retrying'`),
    index("executions_running_lease_idx").on(t.leaseUntil).where(sql`${t.status} = 'running'`),
    // Lists and dashboards: newest first per workspace, per flow, per status.
    index("executions_workspace_created_idx").on(t.workspaceId, t.createdAt.desc(), t.id.desc()),
    index("executions_workspace_status_created_idx").on(t.workspaceId, t.status, t.createdAt.desc(), t.id.desc()),
    index("executions_flow_created_idx").on(t.flowId, t.createdAt.desc()),
    index("executions_created_at_idx").on(t.createdAt),
    check(
      "executions_status_check",
      sql`${t.status} in ('queued', 'running', 'succeeded', 'failed', 'retrying', 'cancelled')`,
    ),
  ],
).enableRLS();

export const executionSteps = pgTable(
  "execution_steps",
  {
    id: id(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    executionId: uuid("execution_id")
      .notNull()
      .references(() => executions.id, { onDelete: "cascade" }),
    stepKey: text("step_key").notNull(),
    position: integer("position").notNull(),
    status: text("status").notNull(),
    input: jsonb("input"),
    output: jsonb("output"),
    outputBytes: integer("output_bytes"),
    outputTruncated: boolean("output_truncated").notNull().default(false),
    httpStatus: integer("http_status"),
    durationMs: integer("duration_ms"),
    attempt: integer("attempt").notNull().default(1),
    error: text("error"),
    startedAt: ts("started_at"),
    completedAt: ts("completed_at"),
    createdAt: createdAt(),
  },
  (t) => [
    index("execution_steps_execution_idx").on(t.executionId, t.position),
    // One row per step (loop iterations have keys of their own): a retry updates it in place.
    uniqueIndex("execution_steps_execution_step_key").on(t.executionId, t.stepKey),
    check(
      "execution_steps_status_check",
      sql`${t.status} in ('pending', 'running', 'succeeded', 'failed', 'skipped', 'retrying')`,
    ),
  ],
).enableRLS();

export const syncState = pgTable(
  "sync_state",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    flowId: uuid("flow_id")
      .primaryKey()
      .references(() => flows.id, { onDelete: "cascade" }),
    cursor: jsonb("cursor"),
    lastChecksum: text("last_checksum"),
    updatedAt: updatedAt(),
  },
).enableRLS();

export const dedupKeys = pgTable(
  "dedup_keys",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    // What the key is unique within: a webhook endpoint, a sync flow, …
    scope: text("scope").notNull(),
    key: text("key").notNull(),
    executionId: uuid("execution_id"),
    createdAt: createdAt(),
    expiresAt: ts("expires_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] }), index("dedup_keys_expires_at_idx").on(t.expiresAt)],
).enableRLS();
