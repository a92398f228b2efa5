import { Cron } from "croner";
import { and, eq, inArray } from "drizzle-orm";
import { ApiError } from "@/lib/api/errors";
import { resolveConnector } from "@/lib/connections/resolve-connector";
import { connections } from "@/lib/db/schema";
import type { Queryable } from "@/lib/db/types";
import { validateMapping, validateTemplate, type ExpressionError } from "@/lib/engine/expressions";
import type { FlowDefinition, Step } from "./definition";

export interface FlowIssue {
  path: string;
  message: string;
}

function stepPaths(steps: Step[], prefix: string): { step: Step; path: string }[] {
  return steps.flatMap((step, i) => {
    const path = `${prefix}[${i}]`;
    return [
      { step, path },
      ...(step.type === "branch" ? [...stepPaths(step.then, `${path}.then`), ...stepPaths(step.else, `${path}.else`)] : []),
      ...(step.type === "loop" ? stepPaths(step.steps, `${path}.steps`) : []),
    ];
  });
}

export function validateSchedule(cron: string, timezone: string): string | null {
  try {
    new Intl.DateTimeFormat("en", { timeZone: timezone });
  } catch {
    return `timezone: "${timezone}" is not a known time zone`;
  }
  if (cron.trim().split(/\s+/).length !== 5) return "cron: use 5 fields (minute hour day-of-month month day-of-week)";
  try {
    new Cron(cron, { timezone, paused: true });
    return null;
  } catch (error) {
    return `cron: ${error instanceof Error ? error.message : "is not a valid cron expression"}`;
  }
}

/** Every template and expression of a step, compiled now so that a bad one is found at save time. */
function expressionIssues(step: Step, path: string): FlowIssue[] {
  const checks: [string, ExpressionError[]][] = [];
  const expr = (e: string) => validateTemplate(`{{ ${e} }}`);
  if (step.type === "action") checks.push(["input", validateTemplate(step.input)]);
  if (step.type === "transform") checks.push(["mapping", validateMapping(step.mapping)]);
  if (step.type === "filter" || step.type === "branch") checks.push(["condition", expr(step.condition)]);
  if (step.type === "loop") checks.push(["items", expr(step.items)]);
  if (step.type === "sync") {
    checks.push(["source.input", validateTemplate(step.source.input)], ["mapping", validateMapping(step.mapping)]);
    checks.push(["destination.input", validateTemplate(step.destination.input)]);
    if (step.filter) checks.push(["filter", expr(step.filter)]);
    if (step.dedup_key) checks.push(["dedup_key", expr(step.dedup_key)]);
  }
  return checks.flatMap(([where, errors]) =>
    errors.map((e) => ({ path: `${path}.${where}${e.path ? `.${e.path}` : ""}`, message: e.detail })),
  );
}

/**
 * What the schema cannot know: that connectors and actions exist (built-in or this workspace's
 * custom ones), that each connection belongs to this workspace and to the step's connector,
 * that every expression compiles, and that a schedule parses. Every problem is listed with its path.
 */
export async function findFlowIssues(q: Queryable, workspaceId: string, flow: FlowDefinition): Promise<FlowIssue[]> {
  const issues: FlowIssue[] = [];
  if (flow.trigger.type === "schedule") {
    const problem = validateSchedule(flow.trigger.cron, flow.trigger.timezone);
    if (problem) issues.push({ path: `trigger.${problem.split(":")[0]}`, message: problem.slice(problem.indexOf(":") + 2) });
  }
  const uses: { connector: string; action: string; connection: string | null; path: string }[] = [];
  for (const { step, path } of [...stepPaths(flow.steps, "steps"), ...stepPaths(flow.on_error, "on_error")]) {
    issues.push(...expressionIssues(step, path));
    if (step.type === "action") uses.push({ connector: step.connector, action: step.action, connection: step.connection, path });
    if (step.type === "sync") {
      uses.push({ ...step.source, path: `${path}.source` });
      uses.push({ ...step.destination, path: `${path}.destination` });
    }
  }
  const ids = [...new Set(uses.map((u) => u.connection).filter((c): c is string => Boolean(c)))];
  const owned = ids.length
    ? await q
        .select({ id: connections.id, connector: connections.connector, status: connections.status })
        .from(connections)
        .where(and(eq(connections.workspaceId, workspaceId), inArray(connections.id, ids)))
    : [];
  const byId = new Map(owned.map((c) => [c.id, c]));
  for (const use of uses) {
    const resolved = await resolveConnector(q, workspaceId, use.connector);
    if (!resolved) {
      issues.push({ path: `${use.path}.connector`, message: `there is no connector "${use.connector}"` });
      continue;
    }
    const action = resolved.def.actions.find((a) => a.key === use.action);
    if (!action) {
      const known = resolved.def.actions.map((a) => a.key).join(", ");
      issues.push({ path: `${use.path}.action`, message: `${resolved.def.name} has no action "${use.action}" (it has ${known})` });
      continue;
    }
    const mode = action.connection ?? "required";
    if (!use.connection) {
      if (mode === "required") issues.push({ path: `${use.path}.connection`, message: `${resolved.def.name} · ${action.name} needs a connection` });
      continue;
    }
    const connection = byId.get(use.connection);
    if (!connection) {
      issues.push({ path: `${use.path}.connection`, message: "no such connection in this workspace" });
    } else if (connection.connector !== use.connector) {
      issues.push({ path: `${use.path}.connection`, message: `that connection is for ${connection.connector}, not ${use.connector}` });
    }
  }
  return issues;
}

export function throwFirstIssue(issues: FlowIssue[]): void {
  if (issues.length === 0) return;
  const first = issues[0];
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? "s" : ""})` : "";
  throw new ApiError(400, "validation_failed", `${first.path}: ${first.message}${more}`, { field: first.path, issues });
}
