"use client";

import { useActionState } from "react";
import { Plus } from "lucide-react";
import { createWorkspaceAction, type ActionState } from "@/app/(hub)/settings/actions";
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
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

const initial: ActionState = { ok: false };

export function CreateWorkspaceDialog() {
  const [state, action, pending] = useActionState(createWorkspaceAction, initial);
  return (
    <Dialog>
      <DialogTrigger asChild>
        <Button variant="outline">
          <Plus aria-hidden="true" />
          New workspace
        </Button>
      </DialogTrigger>
      <DialogContent>
        <form action={action} className="grid gap-4">
          <DialogHeader>
            <DialogTitle>New workspace</DialogTitle>
            <DialogDescription>
              A separate space with its own connections, flows and members — one per client or team.
            </DialogDescription>
          </DialogHeader>
          <div className="grid gap-2">
            <Label htmlFor="new-workspace-name">Name</Label>
            <Input id="new-workspace-name" name="name" maxLength={100} required placeholder="e.g. Client B" />
            {state.error ? (
              <p role="alert" className="text-sm text-destructive">
                {state.error}
              </p>
            ) : null}
          </div>
          <DialogFooter>
            <Button type="submit" disabled={pending}>
              {pending ? "Creating…" : "Create workspace"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
