"use client";

import { useId, useState, useTransition } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { Plus } from "lucide-react";
import { toast } from "sonner";
import { createFlowFromTemplateAction } from "@/app/(hub)/templates/actions";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";

export interface ConnectionChoice {
  id: string;
  name: string;
  connector: string;
  status: string;
}

export interface TemplateSummary {
  slug: string;
  name: string;
  description: string;
  triggerLabel: string;
  slots: { key: string; connector: string; label: string }[];
  afterCreate: string[];
  stepCount: number;
}

/** Preselects the only connection of a slot's connector, when there is exactly one. */
function initialChoice(template: TemplateSummary, connections: ConnectionChoice[]): Record<string, string> {
  const chosen: Record<string, string> = {};
  for (const slot of template.slots) {
    const fitting = connections.filter((c) => c.connector === slot.connector);
    if (fitting.length === 1) chosen[slot.key] = fitting[0].id;
  }
  return chosen;
}

/** Asks only for the connections a template needs, creates the flow (inactive) and opens it. */
export function UseTemplateDialog({
  template,
  connectorNames,
  connections,
}: {
  template: TemplateSummary;
  connectorNames: Record<string, string>;
  connections: ConnectionChoice[];
}) {
  const router = useRouter();
  const baseId = useId();
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<Record<string, string>>(() => initialChoice(template, connections));
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const complete = template.slots.every((s) => chosen[s.key]);

  const submit = () =>
    startTransition(async () => {
      setError(null);
      const result = await createFlowFromTemplateAction(template.slug, chosen);
      if (result.ok && result.flowId) {
        toast.success(`Created “${template.name}” (inactive).`);
        setOpen(false);
        router.push(`/flows/${result.flowId}`);
      } else {
        setError(result.error ?? "Could not create the flow.");
      }
    });

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) setError(null);
      }}
    >
      <DialogTrigger asChild>
        <Button aria-label={`Use template ${template.name}`}>Use template</Button>
      </DialogTrigger>
      <DialogContent className="max-h-[calc(100svh-2rem)] overflow-y-auto">
        <DialogHeader>
          <DialogTitle>{template.name}</DialogTitle>
          <DialogDescription>
            {template.slots.length === 1 ? "Pick the connection" : "Pick the connections"} this flow uses. It is created
            inactive, so nothing runs until you activate it.
          </DialogDescription>
        </DialogHeader>
        <form
          className="grid gap-4"
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          {template.slots.map((slot) => {
            const fitting = connections.filter((c) => c.connector === slot.connector);
            const id = `${baseId}-${slot.key}`;
            const connectorName = connectorNames[slot.connector] ?? slot.connector;
            return (
              <div key={slot.key} className="grid gap-2">
                <Label htmlFor={id}>{slot.label}</Label>
                {fitting.length > 0 ? (
                  <Select value={chosen[slot.key] ?? ""} onValueChange={(value) => setChosen((c) => ({ ...c, [slot.key]: value }))}>
                    <SelectTrigger id={id} className="w-full">
                      <SelectValue placeholder={`Choose a ${connectorName} connection`} />
                    </SelectTrigger>
                    <SelectContent>
                      {fitting.map((c) => (
                        <SelectItem key={c.id} value={c.id}>
                          {c.name}
                          {c.status !== "active" ? ` (${c.status})` : ""}
                        </SelectItem>
                      ))}
                    </SelectContent>
                  </Select>
                ) : (
                  <p id={id} className="rounded-md border border-dashed px-3 py-2 text-sm text-muted-foreground">
                    No {connectorName} connection in this workspace yet.
                  </p>
                )}
                <Link href="/connectors" className="inline-flex items-center gap-1 text-sm text-primary underline-offset-4 hover:underline">
                  <Plus aria-hidden="true" className="size-3.5" />
                  Connect {fitting.length > 0 ? "another " : ""}
                  {connectorName} account
                </Link>
              </div>
            );
          })}
          {template.afterCreate.length > 0 ? (
            <div className="grid gap-1.5 rounded-md bg-muted px-3 py-2 text-sm">
              <p className="font-medium">After creating it</p>
              <ul className="list-disc space-y-1 pl-5 text-muted-foreground">
                {template.afterCreate.map((note) => (
                  <li key={note}>{note}</li>
                ))}
              </ul>
            </div>
          ) : null}
          {error ? (
            <p role="alert" className="text-sm text-destructive">
              {error}
            </p>
          ) : null}
          <DialogFooter>
            <Button type="submit" disabled={!complete || pending}>
              {pending ? "Creating…" : "Create flow"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
