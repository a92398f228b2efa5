"use client";

import { useId, useState } from "react";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import type { BranchStep, DelayStep, FilterStep, LoopStep, Step } from "@/lib/flows/definition";
import { stepSchema } from "@/lib/flows/definition";
import { TemplateInput } from "./template-input";

// The editors of the steps that are one or two settings: filter, branch, loop and delay, and
// a JSON editor for the rest (a sync step is made in the API or a template, and edited here).

export function ConditionEditor({ step, onChange, disabled }: { step: FilterStep | BranchStep; onChange: (step: Step) => void; disabled: boolean }) {
  return (
    <TemplateInput
      label="Condition"
      mode="expression"
      value={step.condition}
      stepKey={step.key}
      disabled={disabled}
      required
      hint={step.type === "filter" ? "A jsonata expression; the flow stops here unless it is true, e.g. trigger.body.total > 100." : "True runs the then path; false runs the else path."}
      onChange={(condition) => onChange({ ...step, condition })}
    />
  );
}

export function LoopEditor({ step, onChange, disabled }: { step: LoopStep; onChange: (step: Step) => void; disabled: boolean }) {
  const id = useId();
  return (
    <div className="grid gap-4">
      <TemplateInput
        label="Items"
        mode="expression"
        value={step.items}
        stepKey={step.key}
        disabled={disabled}
        required
        hint="An expression giving a list; the steps inside read item and index."
        onChange={(items) => onChange({ ...step, items })}
      />
      <div className="grid gap-1.5">
        <Label htmlFor={id}>At most this many items</Label>
        <Input id={id} type="number" min={1} max={10000} value={step.max_iterations} disabled={disabled} onChange={(e) => onChange({ ...step, max_iterations: Number(e.target.value) || 1 })} />
      </div>
    </div>
  );
}

export function DelayEditor({ step, onChange, disabled }: { step: DelayStep; onChange: (step: Step) => void; disabled: boolean }) {
  const id = useId();
  return (
    <div className="grid gap-1.5">
      <Label htmlFor={id}>Wait (seconds)</Label>
      <Input id={id} type="number" min={1} max={604800} value={step.seconds} disabled={disabled} onChange={(e) => onChange({ ...step, seconds: Number(e.target.value) || 1 })} />
      <p className="text-xs text-muted-foreground">The run is put back in the queue and continues after the wait.</p>
    </div>
  );
}

export function StepJsonEditor({ step, onChange, disabled }: { step: Step; onChange: (step: Step) => void; disabled: boolean }) {
  const id = useId();
  const [text, setText] = useState(() => JSON.stringify(step, null, 2));
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="grid gap-1.5">
      <Label htmlFor={id}>Step as JSON</Label>
      <Textarea
        id={id}
        value={text}
        disabled={disabled}
        spellCheck={false}
        className="min-h-64 font-mono text-xs"
        aria-invalid={error ? true : undefined}
        onChange={(e) => {
          setText(e.target.value);
          try {
            const parsed = stepSchema.safeParse(JSON.parse(e.target.value));
            if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? "not a valid step");
            if (parsed.data.key !== step.key) return setError("the key cannot change here");
            setError(null);
            onChange(parsed.data);
          } catch {
            setError("not valid JSON yet");
          }
        }}
      />
      {error ? <p className="text-xs text-destructive">{error}; the last valid version is kept.</p> : null}
    </div>
  );
}
