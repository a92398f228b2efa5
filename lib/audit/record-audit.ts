import { sql } from "drizzle-orm";
import type { Actor } from "@/lib/auth/types";
import { LOCAL_OWNER_ID } from "@/lib/db/queries/users";
import { auditEvents } from "@/lib/db/schema";
import type { Queryable } from "@/lib/db/types";
import type { AuditAction, AuditTargetType } from "./actions";

// Writes one audit event with the caller's transaction, so the change and its record commit
// (or roll back) together. Under withUser, RLS lets members and above insert.

/** A person (session), an API key acting as its creator, or the system (the engine, the CLI). */
export type AuditActor =
  | (Actor & { via?: "api_key" | "session"; keyPrefix?: string })
  | { system: true; workspaceId: string };

export interface AuditEventInput {
  action: AuditAction;
  targetType: AuditTargetType;
  targetId?: string | null;
  targetName?: string | null;
  details?: Record<string, unknown>;
}

export function actorLabel(actor: AuditActor): string {
  if ("system" in actor) return "system";
  if (actor.via === "api_key") return `API key ${actor.keyPrefix ?? "(unknown)"}`;
  if (actor.email) return actor.email;
  return actor.userId === LOCAL_OWNER_ID ? "Local owner" : `user ${actor.userId.slice(0, 8)}`;
}

export async function recordAudit(q: Queryable, actor: AuditActor, event: AuditEventInput): Promise<void> {
  await q.insert(auditEvents).values({
    workspaceId: actor.workspaceId,
    // An API key acts as the member who made it; the label says it was the key. RLS requires
    // a user's rows to carry their own id, so nobody can write events in another's name.
    actorUserId: "system" in actor ? null : actor.userId,
    actorLabel: actorLabel(actor),
    action: event.action,
    targetType: event.targetType,
    targetId: event.targetId ?? null,
    targetName: event.targetName ?? null,
    details: event.details ?? {},
    // The statement's own time, not the transaction's: events of one transaction keep their order.
    createdAt: sql`clock_timestamp()`,
  });
}
