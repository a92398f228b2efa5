"use client";

import Image from "next/image";
import { Handle, Position, type NodeProps, type Node } from "@xyflow/react";
import { AlertCircle, CalendarClock, GitBranch, Hand, Hourglass, ListFilter, Plus, Repeat, Shuffle, Webhook, ArrowLeftRight } from "lucide-react";
import { NODE_HEIGHT, NODE_WIDTH } from "@/lib/flows/builder/canvas-graph";
import { cn } from "@/lib/utils";

export interface CardData extends Record<string, unknown> {
  title: string;
  subtitle: string;
  icon: string;
  issues: string[];
  selected: boolean;
  onOpen: () => void;
}
export interface AddData extends Record<string, unknown> {
  label: string;
  onAdd: () => void;
  disabled: boolean;
}

const ICONS = {
  webhook: Webhook,
  schedule: CalendarClock,
  manual: Hand,
  transform: Shuffle,
  filter: ListFilter,
  branch: GitBranch,
  loop: Repeat,
  delay: Hourglass,
  sync: ArrowLeftRight,
} as const;

const hidden = "!pointer-events-none !opacity-0";

/** The trigger or a step: a button that opens its sheet, red when it has problems. */
export function CardNode({ data }: NodeProps<Node<CardData>>) {
  const Icon = data.icon in ICONS ? ICONS[data.icon as keyof typeof ICONS] : null;
  const problems = data.issues.length;
  return (
    <div style={{ width: NODE_WIDTH, height: NODE_HEIGHT }}>
      <Handle type="target" position={Position.Top} className={hidden} isConnectable={false} />
      <button
        type="button"
        onClick={data.onOpen}
        aria-label={`${data.title}: ${data.subtitle}${problems ? `, ${problems} problem${problems > 1 ? "s" : ""}` : ""}`}
        aria-pressed={data.selected}
        data-invalid={problems ? "true" : undefined}
        className={cn(
          "flex size-full items-center gap-3 rounded-lg border bg-card px-3 text-left shadow-sm transition-colors hover:border-primary focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none",
          data.selected && "border-primary ring-2 ring-primary/40",
          problems && "border-destructive ring-1 ring-destructive/40",
        )}
      >
        <span className="flex size-9 shrink-0 items-center justify-center rounded-md bg-muted">
          {Icon ? <Icon className="size-4" aria-hidden="true" /> : <Image src={data.icon} alt="" width={20} height={20} unoptimized />}
        </span>
        <span className="grid min-w-0 flex-1">
          <span className="truncate text-sm font-medium">{data.title}</span>
          <span className="truncate text-xs text-muted-foreground">{data.subtitle}</span>
          {problems ? (
            <span className="flex items-center gap-1 truncate text-xs text-destructive" title={data.issues.join("\n")}>
              <AlertCircle className="size-3 shrink-0" aria-hidden="true" />
              {data.issues[0]}
            </span>
          ) : null}
        </span>
      </button>
      <Handle type="source" position={Position.Bottom} className={hidden} isConnectable={false} />
    </div>
  );
}

/** Where a list ends or an arm is empty: a dashed button that adds a step there. */
export function AddNode({ data }: NodeProps<Node<AddData>>) {
  return (
    <div style={{ width: NODE_WIDTH, height: NODE_HEIGHT / 1.5 }}>
      <Handle type="target" position={Position.Top} className={hidden} isConnectable={false} />
      <button
        type="button"
        onClick={data.onAdd}
        disabled={data.disabled}
        aria-label={data.label}
        className="flex size-full items-center justify-center gap-2 rounded-lg border border-dashed bg-background/60 text-sm text-muted-foreground hover:border-primary hover:text-foreground disabled:opacity-60"
      >
        <Plus className="size-4" aria-hidden="true" />
        {data.disabled ? "End" : "Add step"}
      </button>
      <Handle type="source" position={Position.Bottom} className={hidden} isConnectable={false} />
    </div>
  );
}

/** Where a branch's arms or a loop's body meet again. */
export function JoinNode() {
  return (
    <div className="size-3 rounded-full border-2 border-muted-foreground/50 bg-background">
      <Handle type="target" position={Position.Top} className={hidden} isConnectable={false} />
      <Handle type="source" position={Position.Bottom} className={hidden} isConnectable={false} />
    </div>
  );
}
