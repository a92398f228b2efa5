import { flowDefinitionSchema, type FlowDefinition, type Step } from "@/lib/flows/definition";
import { missingRequired } from "./action-fields";
import { findAction, type BuilderConnector } from "./builder-catalog";
import { placesOf, stepsBefore } from "./step-tree";

// What Save checks before it asks the server (which checks again with findFlowIssues), each
// problem tied to what it concerns — the trigger, a step (by key) or the flow — so the canvas
// can show it on the node.

export interface BuilderIssue {
  /** "flow", "trigger", or a step key. */
  target: string;
  message: string;
}

/** The node a path into the definition concerns: ["steps", 0, "then", 1, "input"] → that step's key. */
export function targetOfPath(definition: Pick<FlowDefinition, "steps">, path: readonly PropertyKey[]): string {
  if (path[0] === "trigger") return "trigger";
  if (path[0] !== "steps" || typeof path[1] !== "number") return "flow";
  let steps: Step[] = definition.steps;
  let target = "flow";
  for (let i = 1; i < path.length; i += 2) {
    const step = steps[path[i] as number];
    if (!step) break;
    target = step.key;
    const arm = path[i + 1];
    const next = path[i + 2];
    if (typeof next !== "number") break;
    if (step.type === "branch" && (arm === "then" || arm === "else")) steps = step[arm];
    else if (step.type === "loop" && arm === "steps") steps = step.steps;
    else break;
  }
  return target;
}

/** `steps[0].then[1].input.url` → ["steps", 0, "then", 1, "input", "url"]. */
export function parseIssuePath(path: string): (string | number)[] {
  return path
    .split(/\.|(?=\[)/)
    .filter(Boolean)
    .map((part) => {
      const index = /^\[(\d+)\]$/.exec(part);
      return index ? Number(index[1]) : part;
    });
}

export function issuesFromServer(definition: Pick<FlowDefinition, "steps">, issues: { path: string; message: string }[]): BuilderIssue[] {
  return issues.map((issue) => {
    const segments = parseIssuePath(issue.path);
    const where = segments.filter((s) => typeof s === "string" && !["steps", "then", "else"].includes(s)).join(".");
    return { target: targetOfPath(definition, segments), message: where ? `${where}: ${issue.message}` : issue.message };
  });
}

const PLACEHOLDER = /\{\{([\s\S]*?)\}\}/g;
const STEP_REFERENCE = /\$?\bsteps\.([A-Za-z_][A-Za-z0-9_]*)/g;

function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === "string") out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => strings(v, out));
  else if (value && typeof value === "object") Object.values(value).forEach((v) => strings(v, out));
  return out;
}

/** The expressions a step holds: placeholders of its templates, and its bare expressions. */
function expressionsOf(step: Step): string[] {
  const placeholders = (template: unknown) => strings(template).flatMap((s) => [...s.matchAll(PLACEHOLDER)].map((m) => m[1]));
  switch (step.type) {
    case "action":
      return placeholders(step.input);
    case "transform":
      return strings(step.mapping);
    case "filter":
    case "branch":
      return [step.condition];
    case "loop":
      return [step.items];
    case "sync":
      return [...placeholders(step.source.input), ...strings(step.mapping), ...placeholders(step.destination.input), step.filter ?? "", step.dedup_key ?? ""];
    default:
      return [];
  }
}

/** References to steps that do not run before the step that reads them. */
export function referenceIssues(definition: Pick<FlowDefinition, "steps">): BuilderIssue[] {
  const issues: BuilderIssue[] = [];
  for (const { step } of placesOf(definition)) {
    const earlier = new Set(stepsBefore(definition, step.key).map((s) => s.key));
    const reported = new Set<string>();
    for (const expression of expressionsOf(step)) {
      for (const [, key] of expression.matchAll(STEP_REFERENCE)) {
        if (earlier.has(key) || reported.has(key)) continue;
        reported.add(key);
        issues.push({ target: step.key, message: `refers to step "${key}", which does not run before this one` });
      }
    }
  }
  return issues;
}

/** Required inputs left empty, missing connections, and actions the catalog does not know. */
export function actionIssues(definition: Pick<FlowDefinition, "steps">, catalog: BuilderConnector[]): BuilderIssue[] {
  const issues: BuilderIssue[] = [];
  for (const { step } of placesOf(definition)) {
    if (step.type !== "action") continue;
    const found = findAction(catalog, step.connector, step.action);
    if (!found) {
      issues.push({ target: step.key, message: `choose an app and an action (${step.connector} · ${step.action} is unknown)` });
      continue;
    }
    if (found.action.connection === "required" && !step.connection) issues.push({ target: step.key, message: "choose a connection" });
    for (const field of missingRequired(found.action.fields, step.input)) issues.push({ target: step.key, message: `${field.label} is required` });
  }
  return issues;
}

export function schemaIssues(definition: unknown): BuilderIssue[] {
  const parsed = flowDefinitionSchema.safeParse(definition);
  if (parsed.success) return [];
  const steps = (definition as Pick<FlowDefinition, "steps">).steps ?? [];
  return parsed.error.issues.map((issue) => {
    if (issue.code === "too_small" && issue.path.at(-1) === "steps" && issue.path.length > 1) {
      return { target: targetOfPath({ steps }, issue.path), message: "add at least one step inside the loop" };
    }
    const where = issue.path.filter((p) => typeof p === "string" && !["steps", "then", "else"].includes(p)).join(".");
    return { target: targetOfPath({ steps }, issue.path), message: where ? `${where}: ${issue.message}` : issue.message };
  });
}

/** Everything the builder can check without the server. */
export function builderIssues(definition: FlowDefinition, catalog: BuilderConnector[]): BuilderIssue[] {
  return [...schemaIssues(definition), ...actionIssues(definition, catalog), ...referenceIssues(definition)];
}

export function issuesByTarget(issues: BuilderIssue[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const issue of issues) map.set(issue.target, [...(map.get(issue.target) ?? []), issue.message]);
  return map;
}
