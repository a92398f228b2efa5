import { Cron } from "croner";
import { describeOffset, describeSchedule, nextRuns } from "@/lib/scheduler/schedule";
import { validateSchedule } from "@/lib/flows/validate-flow";

// The schedule editor's preview, on the server: the per-flow spreading offset hashes the flow id.

export interface SchedulePreview {
  ok: boolean;
  error?: string;
  description?: string;
  /** The spreading offset in words, once the flow has an id. */
  offset?: string | null;
  /** ISO times of the next runs. */
  runs?: string[];
}

export function previewSchedule(cron: string, timezone: string, flowId: string | null, now = new Date(), count = 5): SchedulePreview {
  const problem = validateSchedule(cron, timezone);
  if (problem) return { ok: false, error: problem };
  // A flow not saved yet has no id and so no offset: its nominal times are shown.
  const runs = flowId ? nextRuns(cron, timezone, flowId, count, now) : new Cron(cron, { timezone, paused: true }).nextRuns(count, now);
  return {
    ok: true,
    description: describeSchedule(cron),
    offset: flowId ? describeOffset(cron, flowId) : null,
    runs: runs.map((d) => d.toISOString()),
  };
}
