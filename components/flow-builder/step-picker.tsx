"use client";

import { useState } from "react";
import Image from "next/image";
import { GitBranch, Hourglass, ListFilter, Repeat, Shuffle } from "lucide-react";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import type { BuilderAction, BuilderConnector } from "@/lib/flows/builder/builder-catalog";
import { STEP_KINDS, type StepKind } from "@/lib/flows/builder/new-step";

const KIND_ICONS = { transform: Shuffle, filter: ListFilter, branch: GitBranch, loop: Repeat, delay: Hourglass } as const;

export type PickedStep = { kind: StepKind } | { connector: BuilderConnector; action: BuilderAction };

/** The searchable list of what can be added: logic steps, then every connector's actions. */
export function StepPicker({
  open,
  onOpenChange,
  catalog,
  onPick,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  catalog: BuilderConnector[];
  onPick: (picked: PickedStep) => void;
}) {
  const [query, setQuery] = useState("");
  const q = query.trim().toLowerCase();
  const pick = (picked: PickedStep) => {
    setQuery("");
    onPick(picked);
  };
  const kinds = STEP_KINDS.filter((k) => !q || `${k.name} ${k.description}`.toLowerCase().includes(q));
  const apps = catalog
    .map((c) => ({
      connector: c,
      actions: c.actions.filter((a) => !q || `${c.name} ${a.name} ${a.description}`.toLowerCase().includes(q)),
    }))
    .filter((c) => c.actions.length > 0);
  const itemClass = "flex w-full items-start gap-3 rounded-md p-2 text-left hover:bg-accent focus-visible:bg-accent focus-visible:outline-none";
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        onOpenChange(next);
        if (!next) setQuery("");
      }}
    >
      <DialogContent className="max-h-[calc(100svh-2rem)] grid-rows-[auto_auto_minmax(0,1fr)] sm:max-w-lg">
        <DialogHeader>
          <DialogTitle>Add a step</DialogTitle>
          <DialogDescription>Pick an app&apos;s action, or a step that shapes the data or the path.</DialogDescription>
        </DialogHeader>
        <Input type="search" autoFocus aria-label="Search steps and apps" placeholder="Search apps and actions" value={query} onChange={(e) => setQuery(e.target.value)} />
        <div className="min-h-0 overflow-y-auto">
          {kinds.length === 0 && apps.length === 0 ? <p className="p-2 text-sm text-muted-foreground">Nothing matches “{query}”.</p> : null}
          {kinds.length ? (
            <section aria-label="Logic" className="mb-3">
              <h3 className="px-2 pb-1 text-xs font-medium text-muted-foreground">Logic</h3>
              <ul>
                {kinds.map((k) => {
                  const Icon = KIND_ICONS[k.kind];
                  return (
                    <li key={k.kind}>
                      <button type="button" className={itemClass} onClick={() => pick({ kind: k.kind })}>
                        <Icon className="mt-0.5 size-4 shrink-0" aria-hidden="true" />
                        <span className="grid">
                          <span className="text-sm font-medium">{k.name}</span>
                          <span className="text-xs text-muted-foreground">{k.description}</span>
                        </span>
                      </button>
                    </li>
                  );
                })}
              </ul>
            </section>
          ) : null}
          {apps.map(({ connector, actions }) => (
            <section key={connector.slug} aria-label={connector.name} className="mb-3">
              <h3 className="flex items-center gap-2 px-2 pb-1 text-xs font-medium text-muted-foreground">
                <Image src={connector.icon} alt="" width={14} height={14} unoptimized />
                {connector.name}
              </h3>
              <ul>
                {actions.map((a) => (
                  <li key={a.key}>
                    <button type="button" className={itemClass} aria-label={`${connector.name}: ${a.name}`} onClick={() => pick({ connector, action: a })}>
                      <span className="grid">
                        <span className="text-sm font-medium">{a.name}</span>
                        <span className="text-xs text-muted-foreground">{a.description}</span>
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      </DialogContent>
    </Dialog>
  );
}
