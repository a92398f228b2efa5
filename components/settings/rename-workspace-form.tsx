"use client";

import { useActionState } from "react";
import { renameWorkspaceAction, type ActionState } from "@/app/(hub)/settings/actions";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

const initial: ActionState = { ok: false };

export function RenameWorkspaceForm({ name, canManage }: { name: string; canManage: boolean }) {
  const [state, action, pending] = useActionState(renameWorkspaceAction, initial);
  return (
    <form action={action} className="grid max-w-md gap-2">
      <Label htmlFor="workspace-name">Workspace name</Label>
      <div className="flex gap-2">
        <Input
          id="workspace-name"
          name="name"
          defaultValue={name}
          maxLength={100}
          required
          disabled={!canManage}
          aria-invalid={state.field === "name" || undefined}
          aria-describedby="workspace-name-status"
        />
        {canManage ? (
          <Button type="submit" variant="outline" disabled={pending}>
            {pending ? "Saving…" : "Save"}
          </Button>
        ) : null}
      </div>
      <p id="workspace-name-status" role="status" className="min-h-5 text-sm">
        {state.error ? (
          <span className="text-destructive">{state.error}</span>
        ) : state.ok ? (
          <span className="text-muted-foreground">Saved.</span>
        ) : !canManage ? (
          <span className="text-muted-foreground">Only admins and owners can rename the workspace.</span>
        ) : null}
      </p>
    </form>
  );
}
