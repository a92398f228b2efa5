import { StatusBadge } from "@/components/status-badge";
import type { TestStepResult } from "@/app/(hub)/flows/actions";

export function JsonBlock({ value, label }: { value: unknown; label: string }) {
  return (
    <pre aria-label={label} className="max-h-64 overflow-auto rounded-md bg-muted p-2 font-mono text-xs whitespace-pre-wrap break-all">
      {JSON.stringify(value, null, 2) ?? "—"}
    </pre>
  );
}

/** What "Test step" returned: status, HTTP status, time, the input sent and the output. */
export function TestResultView({ result }: { result: TestStepResult }) {
  return (
    <section aria-label="Test result" className="grid gap-2 rounded-md border p-3 text-sm">
      <div className="flex flex-wrap items-center gap-2">
        <StatusBadge status={result.status} />
        {result.http_status ? <span className="text-xs text-muted-foreground">HTTP {result.http_status}</span> : null}
        <span className="text-xs text-muted-foreground">{result.duration_ms} ms</span>
        {"note" in result && result.note ? <span className="text-xs text-muted-foreground">{result.note}</span> : null}
      </div>
      {result.error ? (
        <p role="alert" className="rounded-md border border-destructive/40 bg-destructive/5 p-2 text-destructive">
          {result.error}
        </p>
      ) : null}
      {result.input !== null ? (
        <>
          <h4 className="text-xs font-medium text-muted-foreground">Input</h4>
          <JsonBlock value={result.input} label="Test input" />
        </>
      ) : null}
      <h4 className="text-xs font-medium text-muted-foreground">Output</h4>
      <JsonBlock value={result.output} label="Test output" />
    </section>
  );
}
