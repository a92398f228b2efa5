import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Actor } from "@/lib/auth/types";
import { ensureAuthUser } from "@/lib/db/queries/users";
import { createWorkspace } from "@/lib/db/queries/workspaces";
import { executions, flows } from "@/lib/db/schema";
import type { Db } from "@/lib/db/types";
import { createFlow } from "@/lib/flows/flow-store";

// Test helpers for the scheduler: a workspace with its owner, and schedule flows whose
// next_run_at a test sets directly.

export async function schedulerWorkspace(db: Db, name = "Scheduler"): Promise<Actor> {
  const user = { id: randomUUID(), email: `${randomUUID().slice(0, 8)}@example.com` };
  await ensureAuthUser(db, user);
  const workspace = await createWorkspace(db, { name, ownerId: user.id });
  return { workspaceId: workspace.id, userId: user.id, email: user.email, role: "owner" };
}

export async function scheduleFlow(
  db: Db,
  actor: Actor,
  options: { cron?: string; timezone?: string; active?: boolean; nextRunAt?: Date | null } = {},
): Promise<string> {
  const saved = await createFlow(actor, {
    name: `Scheduled ${randomUUID().slice(0, 6)}`,
    active: options.active ?? true,
    trigger: { type: "schedule", cron: options.cron ?? "*/5 * * * *", timezone: options.timezone ?? "UTC" },
    steps: [{ key: "shape", type: "transform", mapping: { fields: { at: "trigger.scheduled_for" } } }],
  });
  if (options.nextRunAt !== undefined) await db.update(flows).set({ nextRunAt: options.nextRunAt }).where(eq(flows.id, saved.row.id));
  return saved.row.id;
}

export async function executionsOf(db: Db, flowId: string) {
  return db.select().from(executions).where(eq(executions.flowId, flowId));
}

export async function flowRow(db: Db, flowId: string) {
  const [row] = await db.select().from(flows).where(eq(flows.id, flowId));
  return row;
}
