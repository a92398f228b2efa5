import type { FlowDefinition, Step } from "@/lib/flows/definition";
import type { ListName } from "./step-tree";

// The definition as a laid-out graph for the canvas: the trigger on top, steps downwards, a
// branch's arms side by side below it, a loop's body indented under it, and a small join node
// where arms (or a loop body) meet again. Every edge that can take a new step says where.

export const NODE_WIDTH = 240;
export const NODE_HEIGHT = 64;
const ROW_GAP = 64;
const COLUMN_GAP = 48;
const LOOP_INDENT = 48;
const JOIN_SIZE = 12;

export type GraphNodeKind = "trigger" | "step" | "join" | "empty" | "end";
export interface GraphNode {
  id: string;
  kind: GraphNodeKind;
  x: number;
  y: number;
  /** The step's key (step nodes), or the list a placeholder adds into (empty, end). */
  stepKey?: string;
  insert?: { list: ListName; index: number };
}
export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  label?: string;
  /** Where a step added on this edge goes; absent where nothing can be inserted. */
  insert?: { list: ListName; index: number };
}
export interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

interface Laid {
  nodes: GraphNode[];
  edges: GraphEdge[];
  width: number;
  height: number;
  entry: string | null;
  exit: string | null;
}

const edge = (source: string, target: string, extra: Partial<GraphEdge> = {}): GraphEdge => ({
  id: `${source}->${target}`,
  source,
  target,
  ...extra,
});

function stepNode(step: Step, x: number, y: number): GraphNode {
  return { id: step.key, kind: "step", stepKey: step.key, x: x - NODE_WIDTH / 2, y };
}

function joinNode(id: string, x: number, y: number): GraphNode {
  return { id, kind: "join", x: x - JOIN_SIZE / 2, y };
}

/** A list of steps centred on x from y down; `exit` is the id the next item connects from. */
function layoutList(steps: Step[], list: ListName, x: number, y: number): Laid {
  const laid: Laid = { nodes: [], edges: [], width: NODE_WIDTH, height: 0, entry: null, exit: null };
  let top = y;
  steps.forEach((step, index) => {
    const item = layoutStep(step, x, top);
    laid.nodes.push(...item.nodes);
    laid.edges.push(...item.edges);
    if (laid.exit) laid.edges.push(edge(laid.exit, item.entry!, { insert: { list, index } }));
    laid.entry ??= item.entry;
    laid.exit = item.exit;
    laid.width = Math.max(laid.width, item.width);
    top += item.height + ROW_GAP;
  });
  laid.height = Math.max(0, top - y - ROW_GAP);
  return laid;
}

/** An arm or loop body: its steps, or a placeholder to add the first one. */
function layoutArm(steps: Step[], list: ListName, x: number, y: number): Laid {
  if (steps.length > 0) return layoutList(steps, list, x, y);
  const id = `${list}__empty`;
  return {
    nodes: [{ id, kind: "empty", insert: { list, index: 0 }, x: x - NODE_WIDTH / 2, y }],
    edges: [],
    width: NODE_WIDTH,
    height: NODE_HEIGHT,
    entry: id,
    exit: id,
  };
}

function layoutStep(step: Step, x: number, y: number): Laid {
  const node = stepNode(step, x, y);
  if (step.type !== "branch" && step.type !== "loop") {
    return { nodes: [node], edges: [], width: NODE_WIDTH, height: NODE_HEIGHT, entry: node.id, exit: node.id };
  }
  const armsTop = y + NODE_HEIGHT + ROW_GAP;
  const join = `${step.key}__join`;
  const laid: Laid = { nodes: [node], edges: [], width: NODE_WIDTH, height: 0, entry: node.id, exit: join };
  const arms: { steps: Step[]; list: ListName; label: string }[] =
    step.type === "branch"
      ? [
          { steps: step.then, list: `${step.key}.then`, label: "then" },
          { steps: step.else, list: `${step.key}.else`, label: "else" },
        ]
      : [{ steps: step.steps, list: `${step.key}.steps`, label: "each item" }];
  // Lay out once to measure, then again at the final x (layout is cheap and pure).
  const widths = arms.map((arm) => layoutArm(arm.steps, arm.list, 0, 0).width);
  const indent = step.type === "loop" ? LOOP_INDENT : 0;
  const total = widths.reduce((a, b) => a + b, 0) + COLUMN_GAP * (arms.length - 1) + indent;
  let left = x - total / 2 + indent;
  let bottom = armsTop;
  for (const [i, arm] of arms.entries()) {
    const centre = left + widths[i] / 2;
    const inner = layoutArm(arm.steps, arm.list, centre, armsTop);
    laid.nodes.push(...inner.nodes);
    laid.edges.push(...inner.edges);
    const opensEmpty = arm.steps.length === 0;
    laid.edges.push(edge(node.id, inner.entry!, { label: arm.label, ...(opensEmpty ? {} : { insert: { list: arm.list, index: 0 } }) }));
    laid.edges.push(edge(inner.exit!, join, opensEmpty ? {} : { insert: { list: arm.list, index: arm.steps.length } }));
    bottom = Math.max(bottom, armsTop + inner.height);
    left += widths[i] + COLUMN_GAP;
  }
  const joinY = bottom + ROW_GAP / 2;
  laid.nodes.push(joinNode(join, x, joinY));
  laid.width = Math.max(NODE_WIDTH, total);
  laid.height = joinY + JOIN_SIZE - y;
  return laid;
}

/** The whole flow: trigger, its steps, and an end placeholder that appends a step. */
export function definitionToGraph(definition: Pick<FlowDefinition, "steps">): Graph {
  const x = 0;
  const trigger: GraphNode = { id: "trigger", kind: "trigger", x: x - NODE_WIDTH / 2, y: 0 };
  const body = layoutList(definition.steps, "steps", x, NODE_HEIGHT + ROW_GAP);
  const endY = NODE_HEIGHT + ROW_GAP + (definition.steps.length ? body.height + ROW_GAP : 0);
  const end: GraphNode = { id: "end", kind: "end", insert: { list: "steps", index: definition.steps.length }, x: x - NODE_WIDTH / 2, y: endY };
  const edges = [...body.edges];
  if (body.entry) {
    edges.unshift(edge("trigger", body.entry, { insert: { list: "steps", index: 0 } }));
    edges.push(edge(body.exit!, "end", { insert: { list: "steps", index: definition.steps.length } }));
  } else {
    edges.push(edge("trigger", "end", { insert: { list: "steps", index: 0 } }));
  }
  return { nodes: [trigger, ...body.nodes, end], edges };
}
