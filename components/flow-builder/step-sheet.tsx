"use client";

import { useId } from "react";
import { FlaskConical, Loader2, Trash2 } from "lucide-react";
import type { TestStepResult } from "@/app/(hub)/flows/actions";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Sheet, SheetContent, SheetDescription, SheetHeader, SheetTitle } from "@/components/ui/sheet";
import type { Step, Trigger } from "@/lib/flows/definition";
import { stepTitle } from "@/lib/flows/builder/data-picker";
import { findStep } from "@/lib/flows/builder/step-tree";
import { ActionStepEditor } from "./action-step-editor";
import { useBuilder } from "./builder-context";
import { MappingEditor } from "./mapping-editor";
import { TestResultView } from "./run-result";
import { ConditionEditor, DelayEditor, LoopEditor, StepJsonEditor } from "./simple-step-editors";
import { TRIGGER_LABELS, TriggerEditor } from "./trigger-editor";

const KIND_LABELS: Record<Step["type"], string> = {
  action: "Action",
  transform: "Map fields",
  filter: "Filter",
  delay: "Delay",
  sync: "Sync",
  branch: "Branch",
  loop: "Loop",
};
const TESTABLE = new Set<Step["type"]>(["action", "transform", "filter"]);

export interface StepSheetProps {
  selected: string | null;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  flowId: string | null;
  webhookUrl: string | null;
  signingSecretStored: boolean;
  onWebhookUrl: (url: string) => void;
  onTrigger: (trigger: Trigger) => void;
  onStep: (key: string, step: Step, group: string) => void;
  onDelete: (key: string) => void;
  onOutputs: (outputs: Record<string, unknown>) => void;
  onTest: (key: string) => void;
  testing: string | null;
  results: Record<string, TestStepResult>;
}

/** The configuration of the selected node, in a sheet over the canvas. */
export function StepSheet(props: StepSheetProps) {
  const { definition, issues, canEdit } = useBuilder();
  const place = props.selected && props.selected !== "trigger" ? findStep(definition, props.selected) : undefined;
  const nodeIssues = props.selected ? (issues.get(props.selected) ?? []) : [];
  const title = props.selected === "trigger" ? `Trigger: ${TRIGGER_LABELS[definition.trigger.type]}` : place ? stepTitle(place.step) : "Step";
  return (
    <Sheet open={props.open && Boolean(props.selected === "trigger" || place)} onOpenChange={props.onOpenChange}>
      <SheetContent className="w-full overflow-y-auto sm:max-w-2xl">
        <SheetHeader className="pr-10">
          <SheetTitle>{title}</SheetTitle>
          <SheetDescription>
            {props.selected === "trigger" ? "What starts the flow, and the sample its steps are built against." : place ? `${KIND_LABELS[place.step.type]} · key ${place.step.key}` : ""}
          </SheetDescription>
        </SheetHeader>
        <div className="grid gap-5 px-4 pb-6">
          {nodeIssues.length ? (
            <ul role="alert" aria-label="Problems with this step" className="grid gap-1 rounded-md border border-destructive/40 bg-destructive/5 p-3 text-sm text-destructive">
              {nodeIssues.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          ) : null}
          {props.selected === "trigger" ? (
            <TriggerEditor
              trigger={definition.trigger}
              flowId={props.flowId}
              webhookUrl={props.webhookUrl}
              secretStored={props.signingSecretStored}
              onWebhookUrl={props.onWebhookUrl}
              onChange={props.onTrigger}
              onOutputs={props.onOutputs}
            />
          ) : place ? (
            <StepBody key={place.step.key} step={place.step} topLevel={place.list === "steps"} canEdit={canEdit} {...props} />
          ) : null}
        </div>
      </SheetContent>
    </Sheet>
  );
}

function StepBody({ step, topLevel, canEdit, ...props }: StepSheetProps & { step: Step; topLevel: boolean; canEdit: boolean }) {
  const id = useId();
  const change = (group: string) => (next: Step) => props.onStep(step.key, next, group);
  const result = props.results[step.key];
  return (
    <>
      <div className="grid gap-1.5">
        <Label htmlFor={`${id}-name`}>Step name</Label>
        <Input id={`${id}-name`} value={step.name ?? ""} placeholder={step.key} disabled={!canEdit} onChange={(e) => change("name")({ ...step, name: e.target.value || undefined })} />
        <p className="text-xs text-muted-foreground">
          Later steps read its output as <code className="font-mono">steps.{step.key}.output</code>.
        </p>
      </div>
      {step.type === "action" ? <ActionStepEditor step={step} onChange={change("action")} /> : null}
      {step.type === "transform" ? (
        <MappingEditor stepKey={step.key} mapping={step.mapping} onChange={(mapping) => change("mapping")({ ...step, mapping: mapping as typeof step.mapping })} />
      ) : null}
      {step.type === "filter" || step.type === "branch" ? <ConditionEditor step={step} onChange={change("condition")} disabled={!canEdit} /> : null}
      {step.type === "loop" ? <LoopEditor step={step} onChange={change("loop")} disabled={!canEdit} /> : null}
      {step.type === "delay" ? <DelayEditor step={step} onChange={change("delay")} disabled={!canEdit} /> : null}
      {step.type === "sync" ? <StepJsonEditor step={step} onChange={change("json")} disabled={!canEdit} /> : null}

      {TESTABLE.has(step.type) ? (
        <section aria-label="Test this step" className="grid gap-2 border-t pt-4">
          <div className="flex flex-wrap items-center gap-2">
            <Button type="button" variant="secondary" disabled={!canEdit || props.testing !== null || !topLevel} onClick={() => props.onTest(step.key)}>
              {props.testing === step.key ? <Loader2 className="animate-spin" aria-hidden="true" /> : <FlaskConical aria-hidden="true" />}
              {props.testing === step.key ? "Testing…" : "Test step"}
            </Button>
            <p className="text-xs text-muted-foreground">
              {topLevel
                ? `Saves the flow, then runs this step against the sample${step.type === "action" ? " — a write action really sends" : ""}.`
                : "Steps inside a branch or loop are tested with a dry run of the flow."}
            </p>
          </div>
          {result ? <TestResultView result={result} /> : null}
        </section>
      ) : null}
      {canEdit ? (
        <Button type="button" variant="outline" className="justify-self-start text-destructive" onClick={() => props.onDelete(step.key)}>
          <Trash2 aria-hidden="true" />
          Delete step
        </Button>
      ) : null}
    </>
  );
}
