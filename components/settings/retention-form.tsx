"use client";

import { useActionState } from "react";
import { updateRetentionAction } from "@/app/(hub)/settings/actions";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

export function RetentionForm({ days, canManage }: { days: number; canManage: boolean }) {
  const [state, action, pending] = useActionState(updateRetentionAction, { ok: false });
  return (
    <form action={action} className="grid max-w-md gap-2">
      <Label htmlFor="retention-days">Keep executions and webhook events for (days)</Label>
      <div className="flex gap-2">
        <Input
          id="retention-days"
          name="retention_days"
          type="number"
          inputMode="numeric"
          min={1}
          max={3650}
          step={1}
          required
          defaultValue={days}
          disabled={!canManage}
          className="w-32"
          aria-invalid={state.field === "retention_days" || undefined}
          aria-describedby="retention-days-status"
        />
        {canManage ? (
          <Button type="submit" variant="outline" disabled={pending}>
            {pending ? "Saving…" : "Save retention"}
          </Button>
        ) : null}
      </div>
      {/* aria-live rather than role=status: the page keeps a single status region (the workspace name's). */}
      <p id="retention-days-status" aria-live="polite" className="min-h-5 text-sm">
        {state.error ? (
          <span className="text-destructive">{state.error}</span>
        ) : state.ok ? (
          <span className="text-muted-foreground">Saved: executions and events older than {state.days} days are deleted automatically.</span>
        ) : !canManage ? (
          <span className="text-muted-foreground">Only admins and owners can change retention.</span>
        ) : (
          <span className="text-muted-foreground">From 1 to 3650 days. Hourly statistics on the dashboard are kept regardless.</span>
        )}
      </p>
    </form>
  );
}
