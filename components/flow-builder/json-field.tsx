"use client";

import { useId, useState } from "react";
import { Plus, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { TemplateInput } from "./template-input";

type Pairs = [string, string][];

function asPairs(value: unknown): Pairs | null {
  if (value === undefined) return [];
  if (!value || typeof value !== "object" || Array.isArray(value)) return null;
  const entries = Object.entries(value as Record<string, unknown>);
  return entries.every(([, v]) => typeof v === "string") ? (entries as Pairs) : null;
}

/** Rows without a name yet are kept on screen but not in the value. */
const fromPairs = (pairs: Pairs): Record<string, string> | undefined => {
  const named = pairs.filter(([k]) => k.trim());
  return named.length ? Object.fromEntries(named.map(([k, v]) => [k.trim(), v])) : undefined;
};

/** An object input (a body, headers): key → value rows with the data picker, or raw JSON. */
export function JsonField({
  label,
  value,
  onChange,
  stepKey,
  required,
  disabled,
}: {
  label: string;
  value: unknown;
  onChange: (value: unknown) => void;
  stepKey: string;
  required: boolean;
  disabled: boolean;
}) {
  const id = useId();
  const initial = asPairs(value);
  const [pairs, setPairs] = useState<Pairs>(initial ?? []);
  const [asJson, setAsJson] = useState(initial === null);
  const [text, setText] = useState(() => (value === undefined ? "" : JSON.stringify(value, null, 2)));
  const [error, setError] = useState<string | null>(null);

  if (asJson) {
    return (
      <div className="grid gap-1.5">
        <div className="flex items-center justify-between gap-2">
          <Label htmlFor={id}>
            {label} (JSON){required ? <span className="text-destructive" aria-hidden="true"> *</span> : null}
          </Label>
          {asPairs(value) !== null ? (
            <Button
              type="button"
              variant="link"
              size="sm"
              className="h-auto p-0"
              onClick={() => {
                setPairs(asPairs(value) ?? []);
                setAsJson(false);
              }}
            >
              Edit as fields
            </Button>
          ) : null}
        </div>
        <Textarea
          id={id}
          value={text}
          disabled={disabled}
          spellCheck={false}
          aria-invalid={error ? true : undefined}
          className="min-h-24 font-mono text-xs"
          onChange={(e) => {
            setText(e.target.value);
            if (!e.target.value.trim()) {
              setError(null);
              return onChange(undefined);
            }
            try {
              onChange(JSON.parse(e.target.value));
              setError(null);
            } catch {
              setError("Not valid JSON yet; the last valid value is kept.");
            }
          }}
        />
        {error ? <p className="text-xs text-destructive">{error}</p> : null}
      </div>
    );
  }

  const set = (next: Pairs) => {
    setPairs(next);
    onChange(fromPairs(next));
    setText(JSON.stringify(fromPairs(next) ?? {}, null, 2));
  };
  return (
    <fieldset className="grid gap-2 rounded-md border p-3">
      <legend className="px-1 text-sm font-medium">
        {label}
        {required ? <span className="text-destructive" aria-hidden="true"> *</span> : null}
      </legend>
      {pairs.map(([k, v], i) => (
        <div key={i} className="grid gap-2 rounded-md bg-muted/40 p-2">
          <div className="flex items-center gap-2">
            <Input
              aria-label={`${label} field ${i + 1} name`}
              value={k}
              disabled={disabled}
              placeholder="name"
              className="font-mono text-xs"
              onChange={(e) => set(pairs.map((p, j) => (j === i ? [e.target.value, p[1]] : p)))}
            />
            <Button
              type="button"
              variant="ghost"
              size="icon"
              aria-label={`Remove ${label} field ${k || i + 1}`}
              disabled={disabled}
              onClick={() => set(pairs.filter((_, j) => j !== i))}
            >
              <Trash2 aria-hidden="true" />
            </Button>
          </div>
          <TemplateInput
            label={`${label} · ${k || `field ${i + 1}`}`}
            value={v}
            stepKey={stepKey}
            disabled={disabled}
            onChange={(next) => set(pairs.map((p, j) => (j === i ? [p[0], next] : p)))}
          />
        </div>
      ))}
      <div className="flex flex-wrap gap-2">
        <Button type="button" variant="outline" size="sm" disabled={disabled} onClick={() => set([...pairs, ["", ""]])}>
          <Plus aria-hidden="true" />
          Add {label.toLowerCase()} field
        </Button>
        <Button type="button" variant="ghost" size="sm" onClick={() => setAsJson(true)}>
          Edit as JSON
        </Button>
      </div>
    </fieldset>
  );
}
