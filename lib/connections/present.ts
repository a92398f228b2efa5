import { z } from "zod";
import type { connections } from "@/lib/db/schema";

// The public shape of a connection: everything a person needs to see, and never a secret.

export const connectionSchema = z
  .object({
    id: z.string().uuid(),
    connector: z.string(),
    name: z.string(),
    auth_type: z.string(),
    status: z.enum(["active", "invalid", "expired", "revoked"]),
    status_reason: z.string().nullable(),
    account_label: z.string().nullable(),
    expires_at: z.string().nullable(),
    last_validated_at: z.string().nullable(),
    created_at: z.string(),
    updated_at: z.string(),
    rate_limit: z.object({ requests: z.number(), per_seconds: z.number() }).nullable(),
    used_by: z.array(z.object({ flow_id: z.string().uuid(), name: z.string() })).optional(),
  })
  .meta({ id: "Connection" });

export type ConnectionResponse = z.infer<typeof connectionSchema>;
export type ConnectionRow = typeof connections.$inferSelect;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentConnection(row: ConnectionRow, usedBy?: { flowId: string; name: string }[]): ConnectionResponse {
  const metadata = (row.metadata ?? {}) as {
    auth_type?: string;
    account_label?: string;
    rate_limit?: { requests: number; per_seconds: number };
  };
  return {
    id: row.id,
    connector: row.connector,
    name: row.name,
    auth_type: metadata.auth_type ?? "unknown",
    status: row.status,
    status_reason: row.statusReason,
    account_label: metadata.account_label ?? null,
    rate_limit: metadata.rate_limit ?? null,
    expires_at: iso(row.expiresAt),
    last_validated_at: iso(row.lastValidatedAt),
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
    ...(usedBy ? { used_by: usedBy.map((f) => ({ flow_id: f.flowId, name: f.name })) } : {}),
  };
}
