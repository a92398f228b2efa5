"use client";

import "@xyflow/react/dist/style.css";
import { useEffect, useMemo } from "react";
import { Background, Controls, ReactFlow, ReactFlowProvider, useReactFlow, type Edge, type Node } from "@xyflow/react";
import type { Step } from "@/lib/flows/definition";
import { definitionToGraph } from "@/lib/flows/builder/canvas-graph";
import { findAction } from "@/lib/flows/builder/builder-catalog";
import { stepTitle } from "@/lib/flows/builder/data-picker";
import { findStep, type ListName } from "@/lib/flows/builder/step-tree";
import { AddStepEdge, type AddEdgeData } from "./add-step-edge";
import { useBuilder } from "./builder-context";
import { AddNode, CardNode, JoinNode } from "./canvas-nodes";
import { TRIGGER_LABELS } from "./trigger-editor";

const nodeTypes = { card: CardNode, add: AddNode, join: JoinNode };
const edgeTypes = { add: AddStepEdge };

export type Insert = { list: ListName; index: number };

export function stepSubtitle(step: Step, catalog: ReturnType<typeof useBuilder>["catalog"]): string {
  switch (step.type) {
    case "action": {
      const found = findAction(catalog, step.connector, step.action);
      return found ? `${found.connector.name} · ${found.action.name}` : `${step.connector} · ${step.action}`;
    }
    case "transform":
      return `Map fields · ${Object.keys(step.mapping.fields).length} mapped`;
    case "filter":
      return `Filter · ${step.condition}`;
    case "branch":
      return `Branch · ${step.condition}`;
    case "loop":
      return `Loop · ${step.items}`;
    case "delay":
      return `Delay · ${step.seconds} s`;
    case "sync":
      return `Sync · ${step.source.connector} → ${step.destination.connector}`;
  }
}

function iconOf(step: Step, catalog: ReturnType<typeof useBuilder>["catalog"]): string {
  if (step.type === "action") return catalog.find((c) => c.slug === step.connector)?.icon ?? "/connectors/http.svg";
  return step.type;
}

function Canvas({ selected, onOpen, onAdd }: { selected: string | null; onOpen: (key: string) => void; onAdd: (at: Insert) => void }) {
  const { definition, catalog, issues, canEdit } = useBuilder();
  const graph = useMemo(() => definitionToGraph(definition), [definition]);
  const titleOf = (id: string) => {
    if (id === "trigger") return "the trigger";
    if (id === "end") return "the end";
    const step = findStep(definition, id)?.step;
    return step ? stepTitle(step) : id.endsWith("__join") ? `the end of ${id.slice(0, -6)}` : id.replace(/__empty$/, "");
  };
  const nodes: Node[] = graph.nodes.map((n) => {
    // Not selectable or draggable, so xyflow would let clicks through to the pane: the buttons inside take them.
    const base = { id: n.id, position: { x: n.x, y: n.y }, draggable: false, selectable: false, connectable: false, style: { pointerEvents: "all" as const } };
    if (n.kind === "trigger") {
      const t = definition.trigger;
      const subtitle = t.type === "schedule" ? `${TRIGGER_LABELS[t.type]} · ${t.cron} (${t.timezone})` : TRIGGER_LABELS[t.type];
      return { ...base, type: "card", data: { title: "Trigger", subtitle, icon: t.type, issues: issues.get("trigger") ?? [], selected: selected === "trigger", onOpen: () => onOpen("trigger") } };
    }
    if (n.kind === "step") {
      const step = findStep(definition, n.stepKey!)!.step;
      return {
        ...base,
        type: "card",
        data: { title: stepTitle(step), subtitle: stepSubtitle(step, catalog), icon: iconOf(step, catalog), issues: issues.get(step.key) ?? [], selected: selected === step.key, onOpen: () => onOpen(step.key) },
      };
    }
    if (n.kind === "join") return { ...base, type: "join", data: {} };
    const where = n.kind === "end" ? "at the end" : `to ${n.insert!.list.replace(".", " · ")}`;
    return { ...base, type: "add", data: { label: `Add a step ${where}`, disabled: !canEdit, onAdd: () => onAdd(n.insert!) } };
  });
  const edges: Edge<AddEdgeData>[] = graph.edges.map((e) => ({
    id: e.id,
    source: e.source,
    target: e.target,
    type: "add",
    data: {
      label: e.label,
      ...(e.insert && canEdit ? { addLabel: `Add a step between ${titleOf(e.source)} and ${titleOf(e.target)}`, onAdd: () => onAdd(e.insert!) } : {}),
    },
  }));
  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      edgeTypes={edgeTypes}
      fitView
      fitViewOptions={{ maxZoom: 1, padding: 0.2 }}
      minZoom={0.2}
      nodesDraggable={false}
      nodesConnectable={false}
      elementsSelectable={false}
      deleteKeyCode={null}
      panOnScroll
      aria-label="Flow canvas"
    >
      <Background gap={16} />
      <Controls showInteractive={false} />
      <FitOnGrow count={graph.nodes.length} />
    </ReactFlow>
  );
}

/** Keeps every node in view as steps are added or removed. */
function FitOnGrow({ count }: { count: number }) {
  const { fitView } = useReactFlow();
  useEffect(() => {
    const frame = requestAnimationFrame(() => void fitView({ maxZoom: 1, padding: 0.2 }));
    return () => cancelAnimationFrame(frame);
  }, [count, fitView]);
  return null;
}

export function FlowCanvas(props: { selected: string | null; onOpen: (key: string) => void; onAdd: (at: Insert) => void }) {
  return (
    <div className="h-[65svh] min-h-[420px] w-full overflow-hidden rounded-lg border bg-muted/20">
      <ReactFlowProvider>
        <Canvas {...props} />
      </ReactFlowProvider>
    </div>
  );
}
