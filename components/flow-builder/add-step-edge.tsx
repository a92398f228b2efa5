"use client";

import { BaseEdge, EdgeLabelRenderer, getSmoothStepPath, type Edge, type EdgeProps } from "@xyflow/react";
import { Plus } from "lucide-react";

export interface AddEdgeData extends Record<string, unknown> {
  label?: string;
  /** Accessible name of the add button; absent where nothing can be inserted. */
  addLabel?: string;
  onAdd?: () => void;
}

/** An edge with its arm label ("then", "else", "each item") and a + button that inserts a step. */
export function AddStepEdge({ id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, markerEnd }: EdgeProps<Edge<AddEdgeData>>) {
  const [path, labelX, labelY] = getSmoothStepPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, borderRadius: 12 });
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} />
      <EdgeLabelRenderer>
        <div
          className="nodrag nopan pointer-events-auto absolute flex items-center gap-1"
          style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
        >
          {data?.label ? <span className="rounded bg-background px-1 text-[10px] font-medium text-muted-foreground">{data.label}</span> : null}
          {data?.onAdd ? (
            <button
              type="button"
              aria-label={data.addLabel}
              title={data.addLabel}
              onClick={data.onAdd}
              className="flex size-6 items-center justify-center rounded-full border bg-background text-muted-foreground shadow-sm hover:border-primary hover:text-primary focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
            >
              <Plus className="size-3.5" aria-hidden="true" />
            </button>
          ) : null}
        </div>
      </EdgeLabelRenderer>
    </>
  );
}
