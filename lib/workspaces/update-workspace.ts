import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { forbidden, notFound } from "@/lib/api/errors";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import { roleAtLeast, type Actor } from "@/lib/auth/types";
import { getWorkspace, type WorkspaceRow } from "@/lib/db/queries/workspaces";
import { workspaces } from "@/lib/db/schema";
import type { Tx } from "@/lib/db/types";

// Renaming the workspace and changing how long its executions and events are kept: one
// function for the settings page and PATCH /api/v1/workspace, recording what changed.

export const retentionSchema = z.coerce
  .number({ error: "Retention must be a whole number of days." })
  .int("Retention must be a whole number of days.")
  .min(1, "Keep executions for at least 1 day.")
  .max(3650, "Retention is at most 3650 days (10 years).");

export interface WorkspaceChanges {
  name?: string;
  retentionDays?: number;
}

/** Applies the changes (admins) in the caller's transaction; unchanged values record nothing. */
export async function updateWorkspaceSettings(tx: Tx, actor: Actor & AuditActor, changes: WorkspaceChanges): Promise<WorkspaceRow> {
  if (!roleAtLeast(actor.role, "admin")) throw forbidden("Only admins and owners can change the workspace's settings.");
  const current = await getWorkspace(tx, actor.workspaceId);
  if (!current) throw notFound("The workspace no longer exists.");
  const [updated] = await tx
    .update(workspaces)
    .set({
      ...(changes.name !== undefined ? { name: changes.name } : {}),
      ...(changes.retentionDays !== undefined ? { retentionDays: changes.retentionDays } : {}),
      updatedAt: sql`now()`,
    })
    .where(eq(workspaces.id, actor.workspaceId))
    .returning();
  if (!updated) throw forbidden("Only admins and owners can change the workspace's settings.");
  const target = { targetType: "workspace" as const, targetId: updated.id, targetName: updated.name };
  if (changes.name !== undefined && changes.name !== current.name) {
    await recordAudit(tx, actor, { action: "workspace.renamed", ...target, details: { from: current.name, to: changes.name } });
  }
  if (changes.retentionDays !== undefined && changes.retentionDays !== current.retentionDays) {
    await recordAudit(tx, actor, {
      action: "workspace.retention_changed",
      ...target,
      details: { from: current.retentionDays, to: changes.retentionDays },
    });
  }
  return updated;
}
