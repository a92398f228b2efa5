"use client";

import { useId, useState } from "react";
import { Settings2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import type { FlowDefinition } from "@/lib/flows/definition";
import { DEFAULT_RETRY_DELAYS_SECONDS, formatDelays, parseDelays } from "@/lib/flows/builder/retry-delays";

/** The flow's own settings: its description and when a failed run is tried again. */
export function FlowSettingsDialog({
  definition,
  disabled,
  onChange,
}: {
  definition: FlowDefinition;
  disabled: boolean;
  onChange: (definition: FlowDefinition) => void;
}) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [description, setDescription] = useState(definition.description);
  const [delays, setDelays] = useState(formatDelays(definition.retry?.delays_seconds ?? DEFAULT_RETRY_DELAYS_SECONDS));
  const [error, setError] = useState<string | null>(null);
  const reset = (next: boolean) => {
    if (next) {
      setDescription(definition.description);
      setDelays(formatDelays(definition.retry?.delays_seconds ?? DEFAULT_RETRY_DELAYS_SECONDS));
      setError(null);
    }
    setOpen(next);
  };
  const apply = () => {
    const parsed = parseDelays(delays);
    if (!parsed.ok) return setError(parsed.error);
    onChange({ ...definition, description, retry: { delays_seconds: parsed.seconds } });
    setOpen(false);
  };
  return (
    <Dialog open={open} onOpenChange={reset}>
      <DialogTrigger asChild>
        <Button type="button" variant="ghost" size="icon" aria-label="Flow settings" title="Flow settings">
          <Settings2 aria-hidden="true" />
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Flow settings</DialogTitle>
          <DialogDescription>Saved with the flow&apos;s next version.</DialogDescription>
        </DialogHeader>
        <div className="grid gap-4">
          <div className="grid gap-1.5">
            <Label htmlFor={`${id}-description`}>Description</Label>
            <Textarea id={`${id}-description`} value={description} maxLength={2000} disabled={disabled} onChange={(e) => setDescription(e.target.value)} />
          </div>
          <div className="grid gap-1.5">
            <Label htmlFor={`${id}-delays`}>Retry a failed run after</Label>
            <Input
              id={`${id}-delays`}
              value={delays}
              disabled={disabled}
              aria-invalid={error ? true : undefined}
              aria-describedby={`${id}-delays-hint`}
              onChange={(e) => setDelays(e.target.value)}
            />
            <p id={`${id}-delays-hint`} className="text-xs text-muted-foreground">
              After two quick retries within the run, a run that failed on a network error, a timeout, 429 or 5xx waits this long before each
              further try (default 5m, 15m, 1h); then it fails and alerts. Leave empty to fail at once.
            </p>
            {error ? (
              <p role="alert" className="text-xs text-destructive">
                {error}
              </p>
            ) : null}
          </div>
        </div>
        <DialogFooter>
          <Button type="button" variant="outline" onClick={() => reset(false)}>
            Cancel
          </Button>
          <Button type="button" disabled={disabled} onClick={apply}>
            Apply
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
