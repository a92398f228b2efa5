"use client";

// What a page shows when it failed to render: a way to retry and the digest to find the
// server log line, never the message or stack (they may hold internals).

import { TriangleAlert } from "lucide-react";

import { Button } from "@/components/ui/button";
import { errorDigest } from "@/components/shell/error-digest";

export function ErrorPanel({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = errorDigest(error);

  return (
    <div role="alert" className="flex min-h-[60svh] flex-col items-center justify-center gap-6 px-6 py-16 text-center">
      <div className="flex size-12 items-center justify-center rounded-lg bg-destructive/10 text-destructive">
        <TriangleAlert className="size-6" />
      </div>
      <div className="flex max-w-md flex-col gap-2">
        <h1 className="text-2xl font-semibold tracking-tight">Something went wrong</h1>
        <p className="text-sm text-balance text-muted-foreground">
          Junction could not show this page. Trying again often helps; if it keeps failing, the
          server log has the details.
        </p>
        {digest ? (
          <p className="text-xs text-muted-foreground">
            Error reference: <code className="font-mono">{digest}</code>
          </p>
        ) : null}
      </div>
      {/* retry() re-fetches the server components before re-rendering; reset() alone would
          re-render the same failed server payload. */}
      <Button onClick={() => retry()}>Try again</Button>
    </div>
  );
}
