import type { FlowDefinition, Step } from "@/lib/flows/definition";
import { enclosingLoops, stepsBefore } from "./step-tree";

// The data picker: the fields a step may read — the trigger sample's, and the outputs of the
// steps before it (from a test run, or the field names a transform step is known to make) —
// each with the jsonata path that reads it and a short preview of its value.

export interface PickerField {
  /** A jsonata path against the run's context, e.g. `trigger.body.user.email`. */
  path: string;
  /** The last segment, for display ("email", "[0]"). */
  label: string;
  depth: number;
  preview: string;
}
export interface PickerGroup {
  id: string;
  title: string;
  fields: PickerField[];
  /** Why the group has no fields, when it has none. */
  hint?: string;
}

const MAX_FIELDS = 300;
const MAX_DEPTH = 6;
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A property step in jsonata: `name`, or `` `odd name` `` when it is not an identifier. */
export function pathSegment(name: string): string {
  return IDENTIFIER.test(name) ? name : `\`${name.replace(/`/g, "")}\``;
}

export function previewOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return `${value.length} item${value.length === 1 ? "" : "s"}`;
  if (typeof value === "object") return `${Object.keys(value as object).length} fields`;
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/** Every field of a JSON value under `base`, parents before children; arrays show their first item. */
export function fieldsOf(value: unknown, base: string, depth = 0, out: PickerField[] = []): PickerField[] {
  if (out.length >= MAX_FIELDS || depth >= MAX_DEPTH || value === null || typeof value !== "object") return out;
  const entries: [string, string, unknown][] = Array.isArray(value)
    ? value.length
      ? [["[0]", `${base}[0]`, value[0]]]
      : []
    : Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, `${base}.${pathSegment(k)}`, v]);
  for (const [label, path, child] of entries) {
    if (out.length >= MAX_FIELDS) break;
    out.push({ path, label, depth, preview: previewOf(child) });
    fieldsOf(child, path, depth + 1, out);
  }
  return out;
}

/** The field names a step's output is known to have without running it. */
function declaredOutput(step: Step): Record<string, unknown> | undefined {
  if (step.type !== "transform") return undefined;
  const output: Record<string, unknown> = {};
  for (const name of Object.keys(step.mapping.fields)) {
    let at = output;
    const segments = name.split(".");
    segments.forEach((segment, i) => {
      if (i === segments.length - 1) at[segment] = "(mapped)";
      else at = (at[segment] ??= {}) as Record<string, unknown>;
    });
  }
  return output;
}

export function stepTitle(step: Step): string {
  return step.name?.trim() || step.key;
}

/**
 * The groups the picker shows for the step `key`: the trigger, enclosing loops' item, then each
 * earlier step (nearest first). `outputs` holds what tests produced, by step key.
 */
export function pickerGroups(
  definition: Pick<FlowDefinition, "steps" | "trigger">,
  key: string | null,
  sample: unknown,
  outputs: Record<string, unknown>,
): PickerGroup[] {
  const groups: PickerGroup[] = [];
  const body = sample === undefined ? [] : fieldsOf(sample, "trigger.body");
  groups.push({
    id: "trigger",
    title: "Trigger",
    fields: body,
    ...(body.length ? {} : { hint: "No sample yet: load the last event or paste one on the trigger." }),
  });
  if (!key) return groups;
  for (const loop of enclosingLoops(definition, key)) {
    groups.push({
      id: `loop:${loop}`,
      title: `Loop ${loop}: current item`,
      fields: [{ path: "item", label: "item", depth: 0, preview: "the current item" }, { path: "index", label: "index", depth: 0, preview: "0, 1, 2…" }],
    });
  }
  for (const step of [...stepsBefore(definition, key)].reverse()) {
    const output = step.key in outputs ? outputs[step.key] : declaredOutput(step);
    const base = `steps.${step.key}.output`;
    const fields = output === undefined ? [] : fieldsOf(output, base);
    groups.push({
      id: `step:${step.key}`,
      title: stepTitle(step),
      fields: output !== undefined && fields.length === 0 ? [{ path: base, label: "output", depth: 0, preview: previewOf(output) }] : fields,
      ...(output === undefined ? { hint: "Test this step to see its fields." } : {}),
    });
  }
  return groups;
}

/** What the picker inserts into an input: a placeholder the template engine evaluates. */
export function toTemplate(path: string): string {
  return `{{ ${path} }}`;
}

/** Inserts `text` into `value` at the selection, returning the new value and caret. */
export function insertAt(value: string, text: string, start: number | null, end: number | null): { value: string; caret: number } {
  const from = start ?? value.length;
  const to = end ?? from;
  return { value: value.slice(0, from) + text + value.slice(to), caret: from + text.length };
}
