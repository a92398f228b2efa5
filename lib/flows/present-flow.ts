import type { FlowDefinition } from "./definition";
import type { FlowRow } from "./flow-store";

export function presentFlow(row: FlowRow, definition: FlowDefinition, extra: { webhook_url?: string } = {}) {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    active: row.isActive,
    paused_reason: row.pausedReason,
    version: row.version,
    trigger: definition.trigger,
    steps: definition.steps,
    on_error: definition.on_error,
    ...(definition.retry ? { retry: definition.retry } : {}),
    next_run_at: row.nextRunAt?.toISOString() ?? null,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
    ...extra,
  };
}

export function presentFlowSummary(row: FlowRow) {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    active: row.isActive,
    paused_reason: row.pausedReason,
    version: row.version,
    trigger_type: row.triggerType,
    next_run_at: row.nextRunAt?.toISOString() ?? null,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

/** The portable form: what `flows export` writes and `flows import` (or POST /flows) reads. */
export function exportFlow(definition: FlowDefinition, active: boolean): FlowDefinition {
  return { ...definition, active };
}
