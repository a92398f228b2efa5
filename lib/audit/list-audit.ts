import { sql } from "drizzle-orm";
import { z } from "zod";
import { queryRows, type Queryable } from "@/lib/db/types";
import { AUDIT_ACTIONS, AUDIT_TARGET_TYPES, type AuditAction, type AuditTargetType } from "./actions";

// The audit log newest first, a page at a time by keyset (created_at, id): the cursor is the
// last row's exact timestamp (microseconds, as Postgres keeps it) and id, so a page costs an
// index range scan however long the log is, and rows written meanwhile never shift a page.

export interface AuditEventRow {
  id: string;
  actorUserId: string | null;
  actorLabel: string;
  action: AuditAction;
  targetType: AuditTargetType;
  targetId: string | null;
  targetName: string | null;
  details: Record<string, unknown>;
  createdAt: Date;
}

export interface AuditPage {
  events: AuditEventRow[];
  /** Pass back as `before` for the next (older) page; null on the last page. */
  nextCursor: string | null;
}

export const AUDIT_PAGE_SIZE = 25;

const cursorSchema = z.object({ t: z.string().regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/), i: z.string().uuid() });

export function encodeAuditCursor(createdAt: string, id: string): string {
  return Buffer.from(JSON.stringify({ t: createdAt, i: id })).toString("base64url");
}

/** The cursor's position, or null when it is not one this module made. */
export function decodeAuditCursor(cursor: string): { t: string; i: string } | null {
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

type Raw = Omit<AuditEventRow, "createdAt" | "action" | "targetType"> & { action: string; targetType: string; createdAt: string | Date; position: string };

export async function listAuditEvents(
  q: Queryable,
  workspaceId: string,
  options: { before?: string | null; limit?: number } = {},
): Promise<AuditPage> {
  const limit = Math.min(Math.max(options.limit ?? AUDIT_PAGE_SIZE, 1), 100);
  const after = options.before ? decodeAuditCursor(options.before) : null;
  const rows = await queryRows<Raw>(
    q,
    sql`select id::text as id, actor_user_id::text as "actorUserId", actor_label as "actorLabel", action,
               target_type as "targetType", target_id::text as "targetId", target_name as "targetName", details,
               created_at as "createdAt",
               to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as position
          from public.audit_events
         where workspace_id = ${workspaceId}::uuid
           ${after ? sql`and (created_at, id) < (${after.t}::timestamptz, ${after.i}::uuid)` : sql``}
         order by created_at desc, id desc
         limit ${limit + 1}`,
  );
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    events: page
      .filter((r) => r.action in AUDIT_ACTIONS && (AUDIT_TARGET_TYPES as readonly string[]).includes(r.targetType))
      .map((r) => ({
        id: r.id,
        actorUserId: r.actorUserId,
        actorLabel: r.actorLabel,
        action: r.action as AuditAction,
        targetType: r.targetType as AuditTargetType,
        targetId: r.targetId,
        targetName: r.targetName,
        details: (r.details ?? {}) as Record<string, unknown>,
        createdAt: new Date(r.createdAt),
      })),
    nextCursor: rows.length > limit && last ? encodeAuditCursor(last.position, last.id) : null,
  };
}
