"use client";

import { ArrowDown, ArrowUp, Pencil, Plus, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import type { Step } from "@/lib/flows/definition";
import { stepTitle } from "@/lib/flows/builder/data-picker";
import { listOf, type ListName } from "@/lib/flows/builder/step-tree";
import { cn } from "@/lib/utils";
import { useBuilder } from "./builder-context";
import { stepSubtitle, type Insert } from "./flow-canvas";
import { TRIGGER_LABELS } from "./trigger-editor";

/** The same definition as the canvas, as an indented list, for people who prefer one. */
export function StepsList({
  onOpen,
  onAdd,
  onMove,
  onDelete,
}: {
  onOpen: (key: string) => void;
  onAdd: (at: Insert) => void;
  onMove: (key: string, by: -1 | 1) => void;
  onDelete: (key: string) => void;
}) {
  const { definition, issues, canEdit } = useBuilder();
  return (
    <div className="grid gap-3">
      <div className={cn("flex items-center justify-between gap-2 rounded-lg border p-3", issues.get("trigger")?.length && "border-destructive")}>
        <div>
          <p className="text-sm font-medium">Trigger · {TRIGGER_LABELS[definition.trigger.type]}</p>
          {issues.get("trigger")?.map((m) => (
            <p key={m} className="text-xs text-destructive">
              {m}
            </p>
          ))}
        </div>
        <Button type="button" variant="outline" size="sm" aria-label="Edit the trigger" onClick={() => onOpen("trigger")}>
          <Pencil aria-hidden="true" />
          Edit
        </Button>
      </div>
      <StepList list="steps" steps={definition.steps} depth={0} onOpen={onOpen} onAdd={onAdd} onMove={onMove} onDelete={onDelete} canEdit={canEdit} />
    </div>
  );
}

function StepList({
  list,
  steps,
  depth,
  canEdit,
  ...actions
}: {
  list: ListName;
  steps: Step[];
  depth: number;
  canEdit: boolean;
  onOpen: (key: string) => void;
  onAdd: (at: Insert) => void;
  onMove: (key: string, by: -1 | 1) => void;
  onDelete: (key: string) => void;
}) {
  const { definition, catalog, issues } = useBuilder();
  return (
    <ol aria-label={list === "steps" ? "Steps" : `Steps of ${list.replace(".", " · ")}`} className={cn("grid gap-2", depth > 0 && "border-l pl-4")}>
      {steps.map((step, i) => {
        const title = stepTitle(step);
        const problems = issues.get(step.key) ?? [];
        const arms: [ListName, string][] =
          step.type === "branch" ? [[`${step.key}.then`, "Then"], [`${step.key}.else`, "Else"]] : step.type === "loop" ? [[`${step.key}.steps`, "For each item"]] : [];
        return (
          <li key={step.key} className="grid gap-2">
            <div className={cn("flex flex-wrap items-center justify-between gap-2 rounded-lg border p-3", problems.length && "border-destructive")}>
              <div className="min-w-0">
                <p className="truncate text-sm font-medium">
                  {i + 1}. {title}
                </p>
                <p className="truncate text-xs text-muted-foreground">{stepSubtitle(step, catalog)}</p>
                {problems.map((m) => (
                  <p key={m} className="text-xs text-destructive">
                    {m}
                  </p>
                ))}
              </div>
              <div className="flex flex-wrap gap-1">
                <Button type="button" variant="outline" size="sm" aria-label={`Edit ${title}`} onClick={() => actions.onOpen(step.key)}>
                  <Pencil aria-hidden="true" />
                  Edit
                </Button>
                {canEdit ? (
                  <>
                    <Button type="button" variant="ghost" size="icon" aria-label={`Move ${title} up`} disabled={i === 0} onClick={() => actions.onMove(step.key, -1)}>
                      <ArrowUp aria-hidden="true" />
                    </Button>
                    <Button type="button" variant="ghost" size="icon" aria-label={`Move ${title} down`} disabled={i === steps.length - 1} onClick={() => actions.onMove(step.key, 1)}>
                      <ArrowDown aria-hidden="true" />
                    </Button>
                    <Button type="button" variant="ghost" size="icon" aria-label={`Delete ${title}`} onClick={() => actions.onDelete(step.key)}>
                      <Trash2 aria-hidden="true" />
                    </Button>
                  </>
                ) : null}
              </div>
            </div>
            {arms.map(([arm, label]) => (
              <div key={arm} className="grid gap-2 pl-4">
                <p className="text-xs font-medium text-muted-foreground">{label}</p>
                <StepList list={arm} steps={listOf(definition, arm)} depth={depth + 1} canEdit={canEdit} {...actions} />
              </div>
            ))}
          </li>
        );
      })}
      {canEdit ? (
        <li>
          <Button type="button" variant="outline" size="sm" onClick={() => actions.onAdd({ list, index: steps.length })}>
            <Plus aria-hidden="true" />
            {list === "steps" ? "Add step" : `Add step to ${list.replace(".", " · ")}`}
          </Button>
        </li>
      ) : null}
    </ol>
  );
}
