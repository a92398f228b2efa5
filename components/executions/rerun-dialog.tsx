"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";

import { rerunExecutionAction } from "@/app/(hub)/flows/[id]/executions/[executionId]/actions";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";

type From = "start" | "failed_step";

const COPY: Record<From, { button: string; title: string; description: string }> = {
  start: {
    button: "Re-run",
    title: "Re-run this execution",
    description: "The same trigger payload runs again from the first step, as a new execution. Steps that call other services call them again.",
  },
  failed_step: {
    button: "Re-run from failed step",
    title: "Re-run from the failed step",
    description:
      "A new execution continues where this one failed: the steps that succeeded keep their outputs and are not called again.",
  },
};

/** Starts a re-run on the version the execution ran or the flow's current one, then opens it. */
export function RerunDialog({
  executionId,
  from,
  originalVersion,
  currentVersion,
  variant = "default",
}: {
  executionId: string;
  from: From;
  originalVersion: number;
  currentVersion: number | null;
  variant?: "default" | "outline";
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [version, setVersion] = useState<"original" | "current">("original");
  const [pending, startTransition] = useTransition();
  const copy = COPY[from];
  const canChoose = currentVersion !== null && currentVersion !== originalVersion;

  const start = () =>
    startTransition(async () => {
      const result = await rerunExecutionAction(executionId, { from, version: canChoose ? version : "original" });
      if (!result.ok || !result.executionId) {
        toast.error(result.error ?? "Could not start the re-run.");
        return;
      }
      toast.success("Re-run started.");
      setOpen(false);
      router.push(`/flows/${result.flowId}/executions/${result.executionId}`);
    });

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant={variant}>{copy.button}</Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{copy.title}</DialogTitle>
          <DialogDescription>{copy.description}</DialogDescription>
        </DialogHeader>
        {canChoose ? (
          <div className="grid gap-2">
            <Label htmlFor={`rerun-version-${from}`}>Flow version</Label>
            <Select value={version} onValueChange={(v) => setVersion(v as "original" | "current")}>
              <SelectTrigger id={`rerun-version-${from}`} aria-label="Flow version" className="w-full">
                <SelectValue />
              </SelectTrigger>
              <SelectContent>
                <SelectItem value="original">The version it ran: v{originalVersion}</SelectItem>
                <SelectItem value="current">The current version: v{currentVersion}</SelectItem>
              </SelectContent>
            </Select>
          </div>
        ) : (
          <p className="text-sm text-muted-foreground">It runs on version v{originalVersion}, which is also the flow&apos;s current version.</p>
        )}
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="outline">Keep as is</Button>
          </DialogClose>
          <Button onClick={start} disabled={pending}>
            {pending ? "Starting…" : "Start re-run"}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
