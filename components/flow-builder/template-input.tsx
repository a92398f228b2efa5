"use client";

import { useId, useRef } from "react";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { insertAt, toTemplate } from "@/lib/flows/builder/data-picker";
import { DataPicker } from "./data-picker";

/**
 * A text input that may hold {{ }} placeholders, with the data picker next to it. In
 * "expression" mode (conditions, mapping sources) the picked path goes in bare.
 */
export function TemplateInput({
  label,
  value,
  onChange,
  stepKey,
  mode = "template",
  multiline = false,
  required = false,
  disabled = false,
  placeholder,
  hint,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  stepKey: string | null;
  mode?: "template" | "expression";
  multiline?: boolean;
  required?: boolean;
  disabled?: boolean;
  placeholder?: string;
  hint?: string;
}) {
  const id = useId();
  const ref = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const pick = (path: string) => {
    const text = mode === "template" ? toTemplate(path) : path;
    const el = ref.current;
    const next = mode === "expression" && !value.trim() ? { value: text, caret: text.length } : insertAt(value, text, el?.selectionStart ?? null, el?.selectionEnd ?? null);
    onChange(next.value);
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(next.caret, next.caret);
    });
  };
  const Control = multiline ? Textarea : Input;
  return (
    <div className="grid gap-1.5">
      <Label htmlFor={id}>
        {label}
        {required ? <span className="text-destructive" aria-hidden="true"> *</span> : null}
      </Label>
      <div className="flex items-start gap-2">
        <Control
          id={id}
          ref={ref}
          value={value}
          required={required}
          disabled={disabled}
          placeholder={placeholder}
          spellCheck={false}
          className="font-mono text-xs"
          onChange={(e) => onChange(e.target.value)}
        />
        <DataPicker stepKey={stepKey} label={label} onPick={pick} disabled={disabled} />
      </div>
      {hint ? <p className="text-xs text-muted-foreground">{hint}</p> : null}
    </div>
  );
}
