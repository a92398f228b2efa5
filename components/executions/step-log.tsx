import { ListChecks } from "lucide-react";

import { EmptyState } from "@/components/empty-state";
import { RelativeTime } from "@/components/relative-time";
import { StatusBadge } from "@/components/status-badge";
import { Accordion, AccordionContent, AccordionItem, AccordionTrigger } from "@/components/ui/accordion";
import { formatBytes, formatDuration } from "@/lib/executions/duration";
import type { ExecutionStep } from "@/lib/executions/load-execution";
import { ErrorCard } from "./error-card";
import { Fact } from "./fact";
import { JsonViewer } from "./json-viewer";

// The step log: one accordion item per step that ran (loop iterations are steps of their own,
// "loop[2].post"), failed ones open from the start.

function Missing({ children }: { children: string }) {
  return <p className="rounded-md border border-dashed p-3 text-xs text-muted-foreground">{children}</p>;
}

function StepOutput({ step }: { step: ExecutionStep }) {
  if (step.output === null && step.status !== "succeeded") return <Missing>No output: the step did not finish.</Missing>;
  if (step.output_truncated) {
    const preview = (step.output as { preview?: unknown } | null)?.preview;
    return (
      <div className="space-y-2">
        <p className="text-xs text-muted-foreground">
          The output was {formatBytes(step.output_bytes ?? 0)}, too large to keep whole; its beginning is shown. The full output was used
          within the run.
        </p>
        <pre className="max-h-96 overflow-auto rounded-md border bg-muted/30 p-3 font-mono text-xs break-all whitespace-pre-wrap">
          {typeof preview === "string" ? preview : ""}
        </pre>
      </div>
    );
  }
  return <JsonViewer label={`Output of ${step.key}`} value={step.output} />;
}

function StepDetails({ step, now }: { step: ExecutionStep; now: Date }) {
  return (
    <div className="space-y-4">
      <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
        <Fact label="Started">{step.started_at ? <RelativeTime date={new Date(step.started_at)} now={now} /> : "—"}</Fact>
        <Fact label="Duration">{formatDuration(step.duration_ms)}</Fact>
        <Fact label="Attempts">{step.attempt}</Fact>
        <Fact label="HTTP status">{step.http_status ?? "—"}</Fact>
      </dl>
      {step.error ? <ErrorCard title={`Error in ${step.key}`} message={step.error} /> : null}
      <div className="grid gap-4 lg:grid-cols-2">
        <div className="min-w-0 space-y-2">
          <h4 className="text-xs font-medium text-muted-foreground">Input (secrets redacted)</h4>
          {step.input === null && step.status !== "succeeded" ? (
            // A step that failed before its input was resolved (a bad expression, a missing
            // connection) has none.
            <Missing>Not recorded: the step failed before its input was resolved.</Missing>
          ) : (
            <JsonViewer label={`Input of ${step.key}`} value={step.input} />
          )}
        </div>
        <div className="min-w-0 space-y-2">
          <h4 className="text-xs font-medium text-muted-foreground">
            Output{step.output_bytes ? ` · ${formatBytes(step.output_bytes)}` : ""}
          </h4>
          <StepOutput step={step} />
        </div>
      </div>
    </div>
  );
}

export function StepLog({ steps, now }: { steps: ExecutionStep[]; now: Date }) {
  if (steps.length === 0) {
    return (
      <EmptyState
        className="min-h-40"
        icon={ListChecks}
        title="No steps have run yet"
        description="Each step appears here as it runs, with its input, output and any error."
      />
    );
  }
  const failed = steps.filter((s) => s.status === "failed").map((s) => s.key);
  return (
    <Accordion type="multiple" defaultValue={failed} aria-label="Step log" className="rounded-xl border px-4">
      {steps.map((step) => (
        <AccordionItem key={step.key} value={step.key}>
          <AccordionTrigger aria-label={`Step ${step.key}: ${step.status}`}>
            <span className="flex min-w-0 flex-1 flex-wrap items-center gap-x-3 gap-y-1">
              <span className="font-mono break-all">{step.key}</span>
              <StatusBadge status={step.status} />
              <span className="text-xs font-normal text-muted-foreground">
                {formatDuration(step.duration_ms)}
                {step.http_status ? ` · HTTP ${step.http_status}` : ""}
                {step.attempt > 1 ? ` · ${step.attempt} attempts` : ""}
              </span>
            </span>
          </AccordionTrigger>
          <AccordionContent>
            <StepDetails step={step} now={now} />
          </AccordionContent>
        </AccordionItem>
      ))}
    </Accordion>
  );
}
