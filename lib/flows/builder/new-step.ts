import type { Step } from "@/lib/flows/definition";
import type { BuilderAction, BuilderConnector } from "./builder-catalog";

// What the step picker adds: a step of a kind with a fresh key and a starting configuration
// the person then completes in the step's sheet.

export type StepKind = "transform" | "filter" | "delay" | "branch" | "loop";

export const STEP_KINDS: { kind: StepKind; name: string; description: string }[] = [
  { kind: "transform", name: "Map fields", description: "Build a new record from the data so far, with transform rules." },
  { kind: "filter", name: "Filter", description: "Continue only when a condition holds." },
  { kind: "branch", name: "Branch", description: "Run one path or another depending on a condition." },
  { kind: "loop", name: "Loop", description: "Run steps for each item of a list." },
  { kind: "delay", name: "Delay", description: "Wait before the next step." },
];

export function newKindStep(kind: StepKind, key: string): Step {
  switch (kind) {
    case "transform":
      return { key, type: "transform", name: "Map fields", mapping: { fields: {} } };
    case "filter":
      return { key, type: "filter", name: "Filter", condition: "true" };
    case "delay":
      return { key, type: "delay", name: "Delay", seconds: 60 };
    case "branch":
      return { key, type: "branch", name: "Branch", condition: "true", then: [], else: [] };
    case "loop":
      return { key, type: "loop", name: "Loop", items: "trigger.body.items", steps: [], max_iterations: 1000 };
  }
}

/** An action step; a select input starts at its first option so the form is usable at once. */
export function newActionStep(connector: BuilderConnector, action: BuilderAction, key: string, connection: string | null): Step {
  const input: Record<string, unknown> = {};
  for (const field of action.fields) if (field.required && field.control === "select" && field.options?.length) input[field.key] = field.options[0];
  return { key, type: "action", name: action.name, connector: connector.slug, action: action.key, connection, input, on_error: "stop" };
}

/** The key a new step gets, from what it does ("HTTP request" → "http_request"). */
export function keyBase(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, "") || "step";
}
