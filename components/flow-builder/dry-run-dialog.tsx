"use client";

import { useEffect, useState } from "react";
import Link from "next/link";
import { Loader2 } from "lucide-react";
import { dryRunAction, executionAction, type ExecutionView } from "@/app/(hub)/flows/actions";
import { StatusBadge } from "@/components/status-badge";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { JsonBlock } from "./run-result";

const DONE = new Set(["succeeded", "failed", "cancelled"]);
const POLL_MS = 800;
const MAX_POLLS = 60;

type State = { phase: "starting" } | { phase: "running"; execution?: ExecutionView; executionId: string } | { phase: "error"; message: string };

/** Starts a dry run of the saved flow with the sample and shows, step by step, what it would send. */
type DryRunRequest = { flowId: string; payload: unknown; nonce: number };

export function DryRunDialog({ request, onClose }: { request: DryRunRequest | null; onClose: () => void }) {
  return (
    <Dialog open={request !== null} onOpenChange={(open) => !open && onClose()}>
      <DialogContent className="max-h-[calc(100svh-2rem)] overflow-y-auto sm:max-w-2xl">
        <DialogHeader>
          <DialogTitle>Dry run</DialogTitle>
          <DialogDescription>The whole flow ran against the sample; write actions were shown, not sent.</DialogDescription>
        </DialogHeader>
        {request ? <DryRunProgress key={request.nonce} request={request} /> : null}
      </DialogContent>
    </Dialog>
  );
}

function DryRunProgress({ request }: { request: DryRunRequest }) {
  const [state, setState] = useState<State>({ phase: "starting" });
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    (async () => {
      const started = await dryRunAction(request.flowId, request.payload);
      if (!live) return;
      if (!started.ok || !started.executionId) return setState({ phase: "error", message: started.error ?? "The dry run could not start." });
      const executionId = started.executionId;
      setState({ phase: "running", executionId });
      for (let i = 0; i < MAX_POLLS && live; i++) {
        await new Promise<void>((resolve) => (timer = setTimeout(resolve, POLL_MS)));
        if (!live) return;
        const read = await executionAction(executionId);
        if (!live) return;
        if (!read.ok || !read.execution) return setState({ phase: "error", message: read.error ?? "Could not read the dry run." });
        setState({ phase: "running", executionId, execution: read.execution });
        if (DONE.has(read.execution.status)) return;
      }
      if (live) setState((s) => (s.phase === "running" && s.execution && DONE.has(s.execution.status) ? s : { phase: "error", message: "The dry run is still queued or running; see the executions page." }));
    })().catch(() => {
      // The server could not be reached (network, an expired session): say so instead of spinning.
      if (live) setState({ phase: "error", message: "The server could not be reached; try the dry run again." });
    });
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [request]);

  const execution = state.phase === "running" ? state.execution : undefined;
  return (
    <div role="status" aria-live="polite" className="grid gap-3 text-sm">
      {state.phase === "error" ? <p className="text-destructive">{state.message}</p> : null}
      {state.phase === "starting" || (state.phase === "running" && (!execution || !DONE.has(execution.status))) ? (
        <p className="flex items-center gap-2 text-muted-foreground">
          <Loader2 className="size-4 animate-spin" aria-hidden="true" />
          {execution ? `Dry run ${execution.status}…` : "Starting the dry run…"}
        </p>
      ) : null}
      {execution ? (
        <>
          <div className="flex flex-wrap items-center gap-2">
            <span>Dry run</span>
            <StatusBadge status={execution.status} />
            {execution.duration_ms !== null ? <span className="text-xs text-muted-foreground">{execution.duration_ms} ms</span> : null}
            <Link className="text-xs underline" href={`/flows/${request.flowId}/executions/${execution.id}`}>
              Open the execution
            </Link>
          </div>
          {execution.error_message ? <p className="rounded-md border border-destructive/40 bg-destructive/5 p-2 text-destructive">{execution.error_message}</p> : null}
          <ol aria-label="Dry run steps" className="grid gap-3">
            {execution.steps.map((step) => (
              <li key={`${step.key}-${step.attempt}`} className="grid gap-1 rounded-md border p-3">
                <div className="flex items-center gap-2">
                  <span className="font-mono text-xs">{step.key}</span>
                  <StatusBadge status={step.status} />
                </div>
                {step.error ? <p className="text-xs text-destructive">{step.error}</p> : null}
                <JsonBlock value={step.output} label={`Output of ${step.key}`} />
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </div>
  );
}
