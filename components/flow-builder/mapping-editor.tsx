"use client";

import { useMemo, useState } from "react";
import { ArrowRight, Plus, Trash2, X } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import type { Transform } from "@/lib/engine/expressions/mapping-schema";
import { pickerGroups } from "@/lib/flows/builder/data-picker";
import {
  TRANSFORM_CHOICES,
  destinationFor,
  mappingToRows,
  newTransform,
  rowsToMapping,
  transformLabel,
  type MappingRow,
} from "@/lib/flows/builder/mapping-model";
import { cn } from "@/lib/utils";
import { useBuilder } from "./builder-context";
import { TemplateInput } from "./template-input";

const NEEDS_SETTING = new Set<Transform["type"]>(["default", "date", "regex_replace"]);
const SETTING_LABEL: Partial<Record<Transform["type"], string>> = { default: "Default value", date: "Date format (optional)", regex_replace: "Pattern" };

/**
 * Source fields on the left, destination fields on the right: pick a destination, click a
 * source to connect them (or click a source to add a destination for it), and add transform
 * rules to each destination.
 */
export function MappingEditor({
  stepKey,
  mapping,
  onChange,
}: {
  stepKey: string;
  mapping: { fields: Record<string, unknown> };
  onChange: (mapping: { fields: Record<string, unknown> }) => void;
}) {
  const { definition, sample, outputs, canEdit } = useBuilder();
  const [rows, setRows] = useState<MappingRow[]>(() => mappingToRows(mapping));
  const [active, setActive] = useState<number | null>(null);
  const sources = useMemo(
    () => pickerGroups(definition, stepKey, sample, outputs).flatMap((g) => g.fields.map((f) => ({ ...f, group: g.title }))),
    [definition, stepKey, sample, outputs],
  );
  const set = (next: MappingRow[]) => {
    setRows(next);
    onChange(rowsToMapping(next));
  };
  const update = (i: number, patch: Partial<MappingRow>) => set(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const connect = (path: string) => {
    if (active !== null && rows[active]) return update(active, { from: path });
    const destination = destinationFor(path, rows.map((r) => r.destination));
    set([...rows, { destination, from: path, transforms: [], required: false }]);
    setActive(rows.length);
  };

  return (
    <div className="grid gap-4 md:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
      <section aria-label="Source fields" className="grid content-start gap-1 rounded-md border p-2">
        <h3 className="px-1 text-sm font-medium">Source fields</h3>
        <p className="px-1 text-xs text-muted-foreground">
          {active !== null && rows[active] ? `Click a field to connect it to “${rows[active].destination}”.` : "Click a field to map it."}
        </p>
        {sources.length === 0 ? (
          <p className="px-1 text-xs text-muted-foreground">No fields yet: add a trigger sample first.</p>
        ) : (
          <ul className="max-h-80 overflow-y-auto">
            {sources.map((f) => (
              <li key={f.path}>
                <button
                  type="button"
                  disabled={!canEdit}
                  aria-label={`Map ${f.path}`}
                  title={`${f.group}: ${f.path}`}
                  onClick={() => connect(f.path)}
                  className="flex w-full items-center justify-between gap-2 rounded px-1 py-1 text-left text-xs hover:bg-accent disabled:opacity-60"
                  style={{ paddingLeft: `${0.25 + f.depth * 0.75}rem` }}
                >
                  <span className="truncate font-mono">{f.label}</span>
                  <span className="max-w-[45%] truncate text-muted-foreground">{f.preview}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-label="Destination fields" className="grid content-start gap-3">
        <h3 className="text-sm font-medium">Destination fields</h3>
        {rows.length === 0 ? <p className="text-xs text-muted-foreground">No fields mapped yet.</p> : null}
        {rows.map((row, i) => (
          <MappingRowEditor
            key={i}
            row={row}
            index={i}
            stepKey={stepKey}
            active={active === i}
            disabled={!canEdit}
            onActivate={() => setActive(active === i ? null : i)}
            onChange={(patch) => update(i, patch)}
            onRemove={() => {
              set(rows.filter((_, j) => j !== i));
              setActive(null);
            }}
          />
        ))}
        <Button
          type="button"
          variant="outline"
          size="sm"
          className="justify-self-start"
          disabled={!canEdit}
          onClick={() => {
            set([...rows, { destination: destinationFor("field", rows.map((r) => r.destination)), from: "", transforms: [], required: false }]);
            setActive(rows.length);
          }}
        >
          <Plus aria-hidden="true" />
          Add destination field
        </Button>
      </section>
    </div>
  );
}

function MappingRowEditor({
  row,
  index,
  stepKey,
  active,
  disabled,
  onActivate,
  onChange,
  onRemove,
}: {
  row: MappingRow;
  index: number;
  stepKey: string;
  active: boolean;
  disabled: boolean;
  onActivate: () => void;
  onChange: (patch: Partial<MappingRow>) => void;
  onRemove: () => void;
}) {
  const [rule, setRule] = useState<Transform["type"] | "">("");
  const [setting, setSetting] = useState("");
  const name = row.destination || `field ${index + 1}`;
  return (
    <div role="group" aria-label={`Destination ${name}`} className={cn("grid gap-2 rounded-md border p-3", active && "border-primary ring-1 ring-primary")}>
      <div className="flex items-center gap-2">
        <Input
          aria-label={`Destination field ${index + 1}`}
          value={row.destination}
          disabled={disabled}
          className="font-mono text-xs"
          onFocus={() => !active && onActivate()}
          onChange={(e) => onChange({ destination: e.target.value })}
        />
        <Button type="button" variant={active ? "secondary" : "ghost"} size="sm" aria-pressed={active} onClick={onActivate}>
          <ArrowRight aria-hidden="true" />
          {active ? "Connecting" : "Connect"}
        </Button>
        <Button type="button" variant="ghost" size="icon" aria-label={`Remove ${name}`} disabled={disabled} onClick={onRemove}>
          <Trash2 aria-hidden="true" />
        </Button>
      </div>
      <TemplateInput label={`Source for ${name}`} value={row.from} mode="expression" stepKey={stepKey} disabled={disabled} onChange={(from) => onChange({ from })} />
      {row.transforms.length ? (
        <ol aria-label={`Rules for ${name}`} className="flex flex-wrap gap-1">
          {row.transforms.map((t, j) => (
            <li key={j}>
              <Badge variant="secondary" className="gap-1">
                {j + 1}. {transformLabel(t)}
                <button
                  type="button"
                  aria-label={`Remove rule ${transformLabel(t)} from ${name}`}
                  disabled={disabled}
                  onClick={() => onChange({ transforms: row.transforms.filter((_, k) => k !== j) })}
                >
                  <X className="size-3" aria-hidden="true" />
                </button>
              </Badge>
            </li>
          ))}
        </ol>
      ) : null}
      <div className="flex flex-wrap items-end gap-2">
        <div className="grid gap-1">
          <Label className="text-xs text-muted-foreground">Add rule</Label>
          <Select value={rule} disabled={disabled} onValueChange={(v) => setRule(v as Transform["type"])}>
            <SelectTrigger size="sm" aria-label={`Rule for ${name}`} className="w-40">
              <SelectValue placeholder="Choose a rule" />
            </SelectTrigger>
            <SelectContent>
              {TRANSFORM_CHOICES.map((c) => (
                <SelectItem key={c.type} value={c.type}>
                  {c.label}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
        </div>
        {rule && NEEDS_SETTING.has(rule) ? (
          <Input aria-label={SETTING_LABEL[rule]} placeholder={SETTING_LABEL[rule]} value={setting} className="h-8 w-40 text-xs" onChange={(e) => setSetting(e.target.value)} />
        ) : null}
        <Button
          type="button"
          size="sm"
          variant="secondary"
          disabled={disabled || !rule}
          aria-label={`Add rule to ${name}`}
          onClick={() => {
            if (!rule) return;
            onChange({ transforms: [...row.transforms, newTransform(rule, setting || undefined)] });
            setRule("");
            setSetting("");
          }}
        >
          Add
        </Button>
        <label className="ml-auto flex items-center gap-2 text-xs">
          <Checkbox checked={row.required} disabled={disabled} onCheckedChange={(v) => onChange({ required: v === true })} aria-label={`${name} is required`} />
          Required
        </label>
      </div>
    </div>
  );
}
