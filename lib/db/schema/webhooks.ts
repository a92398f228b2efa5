import { sql } from "drizzle-orm";
import { customType, index, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, ts } from "./columns";
import { flows } from "./flows";
import { workspaces } from "./workspaces";

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (v) => Buffer.from(v),
});

export const webhookEndpoints = pgTable(
  "webhook_endpoints",
  {
    id: id(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    flowId: uuid("flow_id")
      .notNull()
      .references(() => flows.id, { onDelete: "cascade" }),
    // sha256 of the 256-bit URL token; the token is shown to the owner, never stored.
    tokenHash: text("token_hash").notNull(),
    signatureScheme: text("signature_scheme").notNull().default("none"),
    signingSecretEnc: text("signing_secret_enc"),
    // Methods accepted, body limit, dedup path and window, headers to keep.
    config: jsonb("config").notNull().default({}),
    lastTriggeredAt: ts("last_triggered_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("webhook_endpoints_token_hash_key").on(t.tokenHash),
    uniqueIndex("webhook_endpoints_flow_id_key").on(t.flowId),
  ],
).enableRLS();

export const webhookEvents = pgTable(
  "webhook_events",
  {
    id: id(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    endpointId: uuid("endpoint_id").references(() => webhookEndpoints.id, { onDelete: "set null" }),
    flowId: uuid("flow_id").references(() => flows.id, { onDelete: "cascade" }),
    method: text("method").notNull(),
    contentType: text("content_type"),
    headers: jsonb("headers").notNull().default({}),
    query: jsonb("query").notNull().default({}),
    rawBody: bytea("raw_body").notNull(),
    dedupKey: text("dedup_key"),
    receivedAt: ts("received_at").notNull().defaultNow(),
  },
  (t) => [
    index("webhook_events_workspace_received_idx").on(t.workspaceId, t.receivedAt.desc()),
    index("webhook_events_flow_received_idx").on(t.flowId, t.receivedAt.desc()),
    index("webhook_events_received_at_idx").on(t.receivedAt),
    index("webhook_events_dedup_key_idx").on(t.endpointId, t.dedupKey).where(sql`${t.dedupKey} is not null`),
  ],
).enableRLS();
