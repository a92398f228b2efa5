"use client";

import { useId } from "react";
import { Plus } from "lucide-react";
import { ConnectDialog } from "@/components/connections/connect-dialog";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import type { ActionStep } from "@/lib/flows/definition";
import type { ActionField } from "@/lib/flows/builder/action-fields";
import { findAction } from "@/lib/flows/builder/builder-catalog";
import { useBuilder } from "./builder-context";
import { JsonField } from "./json-field";
import { TemplateInput } from "./template-input";

const NO_CONNECTION = "__none__";
const UNSET = "__unset__";

/** An action step: its connection (or a new one, inline), its action, and the action's input form. */
export function ActionStepEditor({ step, onChange }: { step: ActionStep; onChange: (step: ActionStep) => void }) {
  const { catalog, connections, refreshConnections, connectTargets, canEdit } = useBuilder();
  const id = useId();
  const found = findAction(catalog, step.connector, step.action);
  const connector = catalog.find((c) => c.slug === step.connector);
  const usable = connections.filter((c) => c.connector === step.connector && c.status !== "revoked");
  const target = connectTargets.find((t) => t.slug === step.connector);
  const input = (step.input && typeof step.input === "object" && !Array.isArray(step.input) ? step.input : {}) as Record<string, unknown>;
  const setInput = (key: string, value: unknown) => {
    const next = { ...input };
    if (value === undefined || value === "") delete next[key];
    else next[key] = value;
    onChange({ ...step, input: next });
  };

  return (
    <div className="grid gap-4">
      <div className="grid gap-1.5">
        <Label htmlFor={`${id}-connection`}>Connection{found?.action.connection === "required" ? <span className="text-destructive" aria-hidden="true"> *</span> : null}</Label>
        <div className="flex flex-wrap items-center gap-2">
          <Select
            value={step.connection ?? NO_CONNECTION}
            disabled={!canEdit || found?.action.connection === "none"}
            onOpenChange={(open) => void (open && refreshConnections())}
            onValueChange={(v) => onChange({ ...step, connection: v === NO_CONNECTION ? null : v })}
          >
            <SelectTrigger id={`${id}-connection`} aria-label="Connection" className="min-w-48 flex-1">
              <SelectValue placeholder="Choose a connection" />
            </SelectTrigger>
            <SelectContent>
              <SelectItem value={NO_CONNECTION}>{found?.action.connection === "required" ? "Choose a connection" : "No connection"}</SelectItem>
              {usable.map((c) => (
                <SelectItem key={c.id} value={c.id}>
                  {c.name}
                  {c.status !== "active" ? ` (${c.status})` : ""}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
          {canEdit && target ? (
            <ConnectDialog connectors={[target]}>
              <Button type="button" variant="outline" size="sm">
                <Plus aria-hidden="true" />
                Connect new
              </Button>
            </ConnectDialog>
          ) : null}
        </div>
        <p className="text-xs text-muted-foreground">
          {usable.length === 0 ? `No ${connector?.name ?? step.connector} connection yet. ` : ""}
          After connecting, open the list again to pick the new connection.
        </p>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor={`${id}-action`}>Action</Label>
        <Select value={step.action} disabled={!canEdit} onValueChange={(action) => onChange({ ...step, action, name: connector?.actions.find((a) => a.key === action)?.name ?? step.name })}>
          <SelectTrigger id={`${id}-action`} aria-label="Action" className="w-full">
            <SelectValue placeholder="Choose an action" />
          </SelectTrigger>
          <SelectContent>
            {(connector?.actions ?? []).map((a) => (
              <SelectItem key={a.key} value={a.key}>
                {a.name}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
        {found ? <p className="text-xs text-muted-foreground">{found.action.description}</p> : null}
      </div>
      {found ? (
        <fieldset className="grid gap-3">
          <legend className="mb-2 text-sm font-medium">Input</legend>
          {found.action.fields.map((field) => (
            <InputField key={`${step.action}.${field.key}`} field={field} value={input[field.key]} stepKey={step.key} disabled={!canEdit} onChange={(v) => setInput(field.key, v)} />
          ))}
        </fieldset>
      ) : (
        <p className="text-sm text-destructive">This action is not in the catalog; choose another.</p>
      )}
    </div>
  );
}

function InputField({ field, value, stepKey, disabled, onChange }: { field: ActionField; value: unknown; stepKey: string; disabled: boolean; onChange: (value: unknown) => void }) {
  const id = useId();
  if (field.control === "select" || field.control === "boolean") {
    const options = field.control === "boolean" ? ["true", "false"] : (field.options ?? []);
    const current = value === undefined ? UNSET : String(value);
    return (
      <div className="grid gap-1.5">
        <Label htmlFor={id}>
          {field.label}
          {field.required ? <span className="text-destructive" aria-hidden="true"> *</span> : null}
        </Label>
        <Select
          value={current}
          disabled={disabled}
          onValueChange={(v) => onChange(v === UNSET ? undefined : field.control === "boolean" ? v === "true" : v)}
        >
          <SelectTrigger id={id} aria-label={field.label} className="w-full">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            {!field.required ? <SelectItem value={UNSET}>Not set</SelectItem> : null}
            {options.map((o) => (
              <SelectItem key={o} value={o}>
                {o}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      </div>
    );
  }
  if (field.control === "json") {
    return <JsonField label={field.label} value={value} stepKey={stepKey} required={field.required} disabled={disabled} onChange={onChange} />;
  }
  return (
    <TemplateInput
      label={field.label}
      value={value === undefined ? "" : typeof value === "string" ? value : JSON.stringify(value)}
      stepKey={stepKey}
      required={field.required}
      disabled={disabled}
      hint={field.description}
      onChange={(v) => onChange(field.control === "number" && /^-?\d+(\.\d+)?$/.test(v.trim()) ? Number(v) : v)}
    />
  );
}
