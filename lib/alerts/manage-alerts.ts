import { and, desc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { conflict, forbidden, notFound } from "@/lib/api/errors";
import { roleAtLeast, type Actor } from "@/lib/auth/types";
import { alerts, flows } from "@/lib/db/schema";
import { withUser } from "@/lib/db/scope";
import type { Tx } from "@/lib/db/types";

// Alerts of a workspace, as people see and handle them: open → acknowledged → resolved
// (or open → resolved). Viewers read; members acknowledge and resolve. An alert of another
// workspace is a 404, never a 403. A transition that does not apply (acknowledging or
// resolving a resolved alert, acknowledging twice) is a 409.

export const ALERT_STATUSES = ["open", "acknowledged", "resolved"] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

export const alertSchema = z
  .object({
    id: z.string().uuid(),
    kind: z.enum(["execution_failed", "connection_invalid", "error_rate"]),
    status: z.enum(ALERT_STATUSES),
    title: z.string(),
    message: z.string(),
    occurrences: z.number().int(),
    flow_id: z.string().uuid().nullable(),
    flow_name: z.string().nullable(),
    connection_id: z.string().uuid().nullable(),
    details: z.record(z.string(), z.unknown()),
    opened_at: z.string(),
    acknowledged_at: z.string().nullable(),
    resolved_at: z.string().nullable(),
    last_notified_at: z.string().nullable(),
  })
  .meta({ id: "Alert" });
export type AlertResponse = z.infer<typeof alertSchema>;

export const alertListQuerySchema = z.object({
  status: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (!v) return undefined;
      const list = v.split(",").map((s) => s.trim()).filter(Boolean);
      const bad = list.find((s) => !(ALERT_STATUSES as readonly string[]).includes(s));
      if (bad) {
        ctx.addIssue({ code: "custom", message: `status must be one or more of ${ALERT_STATUSES.join(", ")} (comma-separated)` });
        return z.NEVER;
      }
      return list as AlertStatus[];
    }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

type AlertRow = typeof alerts.$inferSelect;
const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentAlert(row: AlertRow, flowName: string | null): AlertResponse {
  return {
    id: row.id,
    kind: row.kind as AlertResponse["kind"],
    status: row.status as AlertStatus,
    title: row.title,
    message: row.message,
    occurrences: row.occurrences,
    flow_id: row.flowId,
    flow_name: flowName,
    connection_id: row.connectionId,
    details: (row.details ?? {}) as Record<string, unknown>,
    opened_at: row.openedAt.toISOString(),
    acknowledged_at: iso(row.acknowledgedAt),
    resolved_at: iso(row.resolvedAt),
    last_notified_at: iso(row.lastNotifiedAt),
  };
}

const asUser = <T>(actor: Actor, fn: (tx: Tx) => Promise<T>) => withUser({ userId: actor.userId, email: actor.email }, fn);

export async function listAlerts(actor: Actor, query: { status?: AlertStatus[]; limit?: number } = {}): Promise<AlertResponse[]> {
  const rows = await asUser(actor, (tx) =>
    tx
      .select({ alert: alerts, flowName: flows.name })
      .from(alerts)
      .leftJoin(flows, eq(flows.id, alerts.flowId))
      .where(and(eq(alerts.workspaceId, actor.workspaceId), query.status?.length ? inArray(alerts.status, query.status) : undefined))
      .orderBy(desc(alerts.openedAt), desc(alerts.id))
      .limit(query.limit ?? 50),
  );
  return rows.map((r) => presentAlert(r.alert, r.flowName));
}

async function load(tx: Tx, actor: Actor, id: string) {
  const [row] = await tx
    .select({ alert: alerts, flowName: flows.name })
    .from(alerts)
    .leftJoin(flows, eq(flows.id, alerts.flowId))
    .where(and(eq(alerts.id, id), eq(alerts.workspaceId, actor.workspaceId)))
    .for("update", { of: alerts });
  return row;
}

export async function getAlert(actor: Actor, id: string): Promise<AlertResponse> {
  if (!z.string().uuid().safeParse(id).success) throw notFound("No such alert.");
  const found = await asUser(actor, async (tx) => {
    const [row] = await tx
      .select({ alert: alerts, flowName: flows.name })
      .from(alerts)
      .leftJoin(flows, eq(flows.id, alerts.flowId))
      .where(and(eq(alerts.id, id), eq(alerts.workspaceId, actor.workspaceId)));
    return row;
  });
  if (!found) throw notFound("No such alert.");
  return presentAlert(found.alert, found.flowName);
}

async function transition(actor: Actor, id: string, to: "acknowledged" | "resolved"): Promise<AlertResponse> {
  if (!z.string().uuid().safeParse(id).success) throw notFound("No such alert.");
  const verb = to === "acknowledged" ? "acknowledge" : "resolve";
  if (!roleAtLeast(actor.role, "member")) throw forbidden(`Viewers cannot ${verb} alerts.`);
  return asUser(actor, async (tx) => {
    const found = await load(tx, actor, id);
    if (!found) throw notFound("No such alert.");
    const { alert } = found;
    if (alert.status === "resolved") throw conflict(`This alert is already resolved.`);
    if (to === "acknowledged" && alert.status === "acknowledged") throw conflict("This alert is already acknowledged.");
    const now = new Date();
    const [row] = await tx
      .update(alerts)
      .set(to === "acknowledged" ? { status: to, acknowledgedAt: now, updatedAt: now } : { status: to, resolvedAt: now, updatedAt: now })
      .where(and(eq(alerts.id, id), eq(alerts.workspaceId, actor.workspaceId)))
      .returning();
    return presentAlert(row, found.flowName);
  });
}

export const acknowledgeAlert = (actor: Actor, id: string) => transition(actor, id, "acknowledged");
export const resolveAlert = (actor: Actor, id: string) => transition(actor, id, "resolved");
