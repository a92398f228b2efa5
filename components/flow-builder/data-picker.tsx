"use client";

import { useMemo, useState } from "react";
import { Braces } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { pickerGroups } from "@/lib/flows/builder/data-picker";
import { useBuilder } from "./builder-context";

/**
 * "Insert data": the fields of the trigger sample and of earlier steps' outputs; clicking one
 * hands its path to `onPick` (the caller wraps it in {{ }} or uses it bare).
 */
export function DataPicker({ stepKey, label, onPick, disabled }: { stepKey: string | null; label: string; onPick: (path: string) => void; disabled?: boolean }) {
  const { definition, sample, outputs } = useBuilder();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const groups = useMemo(() => pickerGroups(definition, stepKey, sample, outputs), [definition, stepKey, sample, outputs]);
  const q = query.trim().toLowerCase();
  return (
    <Popover open={open} onOpenChange={setOpen}>
      <PopoverTrigger asChild>
        <Button type="button" variant="outline" size="icon" aria-label={`Insert data into ${label}`} disabled={disabled}>
          <Braces aria-hidden="true" />
        </Button>
      </PopoverTrigger>
      <PopoverContent align="end" className="w-80 p-0">
        <div className="border-b p-2">
          <Input
            type="search"
            aria-label="Search fields"
            placeholder="Search fields"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
        </div>
        <div role="list" aria-label="Data fields" className="max-h-72 overflow-y-auto p-2 text-sm">
          {groups.map((group) => {
            const fields = group.fields.filter((f) => !q || f.path.toLowerCase().includes(q));
            return (
              <div key={group.id} role="listitem" className="mb-2">
                <p className="px-1 pb-1 text-xs font-medium text-muted-foreground">{group.title}</p>
                {fields.length === 0 ? (
                  <p className="px-1 text-xs text-muted-foreground">{group.hint ?? "No matching fields."}</p>
                ) : (
                  fields.map((field) => (
                    <button
                      key={field.path}
                      type="button"
                      aria-label={field.path}
                      title={field.path}
                      className="flex w-full items-center justify-between gap-2 rounded px-1 py-1 text-left hover:bg-accent focus-visible:bg-accent focus-visible:outline-none"
                      style={{ paddingLeft: `${0.25 + field.depth * 0.75}rem` }}
                      onClick={() => {
                        onPick(field.path);
                        setOpen(false);
                      }}
                    >
                      <span className="truncate font-mono text-xs">{field.label}</span>
                      <span className="max-w-[45%] truncate text-xs text-muted-foreground">{field.preview}</span>
                    </button>
                  ))
                )}
              </div>
            );
          })}
        </div>
      </PopoverContent>
    </Popover>
  );
}
