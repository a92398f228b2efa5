import type { FlowDefinition, Step } from "@/lib/flows/definition";

// The builder edits a flow definition as a tree of step lists. A list is named by where it
// sits: "steps" (the top level), "<branch key>.then", "<branch key>.else" or "<loop key>.steps".
// Keys are unique across the flow, so a list name stays valid while steps move around it.

export type ListName = string;
export interface StepPlace {
  step: Step;
  list: ListName;
  index: number;
}

const TOP: ListName = "steps";

function childLists(step: Step): [ListName, Step[]][] {
  if (step.type === "branch") return [[`${step.key}.then`, step.then], [`${step.key}.else`, step.else]];
  if (step.type === "loop") return [[`${step.key}.steps`, step.steps]];
  return [];
}

/** Every step with its list and index, in document order (a branch's then before its else). */
export function placesOf(definition: Pick<FlowDefinition, "steps">): StepPlace[] {
  const visit = (steps: Step[], list: ListName): StepPlace[] =>
    steps.flatMap((step, index) => [{ step, list, index }, ...childLists(step).flatMap(([name, children]) => visit(children, name))]);
  return visit(definition.steps, TOP);
}

export function findStep(definition: Pick<FlowDefinition, "steps">, key: string): StepPlace | undefined {
  return placesOf(definition).find((p) => p.step.key === key);
}

/** The steps of a list (empty when the list does not exist). */
export function listOf(definition: Pick<FlowDefinition, "steps">, list: ListName): Step[] {
  if (list === TOP) return definition.steps;
  const [key, arm] = list.split(".");
  const owner = findStep(definition, key)?.step;
  if (owner?.type === "branch" && (arm === "then" || arm === "else")) return owner[arm];
  if (owner?.type === "loop" && arm === "steps") return owner.steps;
  return [];
}

/** A copy of the steps with `list` replaced by `edit(list)`; every other list is shared. */
function editList(steps: Step[], list: ListName, current: ListName, edit: (steps: Step[]) => Step[]): Step[] {
  const here = current === list ? edit(steps) : steps;
  return here.map((step) => {
    if (step.type === "branch") {
      return {
        ...step,
        then: editList(step.then, list, `${step.key}.then`, edit),
        else: editList(step.else, list, `${step.key}.else`, edit),
      };
    }
    if (step.type === "loop") return { ...step, steps: editList(step.steps, list, `${step.key}.steps`, edit) };
    return step;
  });
}

export function insertStep<D extends Pick<FlowDefinition, "steps">>(definition: D, list: ListName, index: number, step: Step): D {
  return {
    ...definition,
    steps: editList(definition.steps, list, TOP, (steps) => [...steps.slice(0, index), step, ...steps.slice(index)]),
  };
}

export function removeStep<D extends Pick<FlowDefinition, "steps">>(definition: D, key: string): D {
  const place = findStep(definition, key);
  if (!place) return definition;
  return { ...definition, steps: editList(definition.steps, place.list, TOP, (steps) => steps.filter((s) => s.key !== key)) };
}

/** Replaces the step with key `key` (its new version may carry a new key). */
export function replaceStep<D extends Pick<FlowDefinition, "steps">>(definition: D, key: string, next: Step): D {
  const place = findStep(definition, key);
  if (!place) return definition;
  return { ...definition, steps: editList(definition.steps, place.list, TOP, (steps) => steps.map((s) => (s.key === key ? next : s))) };
}

/** Moves a step one place up or down within its own list. */
export function moveStep<D extends Pick<FlowDefinition, "steps">>(definition: D, key: string, by: -1 | 1): D {
  const place = findStep(definition, key);
  if (!place) return definition;
  const target = place.index + by;
  return {
    ...definition,
    steps: editList(definition.steps, place.list, TOP, (steps) => {
      if (target < 0 || target >= steps.length) return steps;
      const copy = [...steps];
      [copy[place.index], copy[target]] = [copy[target], copy[place.index]];
      return copy;
    }),
  };
}

/** `base`, or `base_2`, `base_3`… — the first key no step of the flow uses. */
export function uniqueKey(definition: Pick<FlowDefinition, "steps">, base: string): string {
  const clean = base.toLowerCase().replace(/[^a-z0-9_]+/g, "_").replace(/^[^a-z]+/, "").slice(0, 50) || "step";
  const used = new Set(placesOf(definition).map((p) => p.step.key));
  if (!used.has(clean)) return clean;
  for (let n = 2; ; n++) if (!used.has(`${clean}_${n}`)) return `${clean}_${n}`;
}

/** The steps that run before `key` and whose outputs it may read, nearest last. */
export function stepsBefore(definition: Pick<FlowDefinition, "steps">, key: string): Step[] {
  const walk = (steps: Step[]): Step[] | null => {
    const before: Step[] = [];
    for (const step of steps) {
      if (step.key === key) return before;
      for (const [, children] of childLists(step)) {
        const inner = walk(children);
        if (inner) return [...before, ...inner];
      }
      before.push(step);
    }
    return null;
  };
  return walk(definition.steps) ?? [];
}

/** The loops `key` sits inside (their `item` and `index` are in scope), outermost first. */
export function enclosingLoops(definition: Pick<FlowDefinition, "steps">, key: string): string[] {
  const loops: string[] = [];
  let place = findStep(definition, key);
  while (place && place.list !== TOP) {
    const owner = findStep(definition, place.list.split(".")[0]);
    if (owner?.step.type === "loop") loops.unshift(owner.step.key);
    place = owner;
  }
  return loops;
}
