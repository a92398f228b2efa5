"use server";

import { z } from "zod";
import { fromZodError } from "@/lib/api/errors";
import { requireSession } from "@/lib/auth/session";
import { withUser } from "@/lib/db/scope";
import { flowActivity } from "@/lib/insights/flow-activity";
import type { DailyPoint } from "@/lib/insights/daily-series";
import { actionFailure, type ActionState } from "../connections/action-result";

export interface ActivityRun {
  id: string;
  status: string;
  triggerType: string;
  dryRun: boolean;
  attempt: number;
  durationMs: number | null;
  errorMessage: string | null;
  createdAt: string;
}

export type FlowActivityState = ActionState & { runs?: ActivityRun[]; days?: DailyPoint[] };

const flowIdSchema = z.string().uuid("Unknown flow.");

/** The health sheet's data for one flow: its last 50 runs and 30 days of daily counts (any member, viewers too). */
export async function loadFlowActivityAction(flowId: string): Promise<FlowActivityState> {
  const parsed = flowIdSchema.safeParse(flowId);
  if (!parsed.success) return actionFailure(fromZodError(parsed.error));
  const session = await requireSession();
  try {
    const activity = await withUser({ userId: session.user.id, email: session.user.email }, (tx) =>
      flowActivity(tx, session.workspace.id, parsed.data),
    );
    return {
      ok: true,
      days: activity.days,
      runs: activity.runs.map((r) => ({
        id: r.id,
        status: r.status,
        triggerType: r.triggerType,
        dryRun: r.dryRun,
        attempt: r.attempt,
        durationMs: r.durationMs,
        errorMessage: r.errorMessage,
        createdAt: r.createdAt.toISOString(),
      })),
    };
  } catch (error) {
    return actionFailure(error);
  }
}
