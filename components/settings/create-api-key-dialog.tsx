"use client";

import { useActionState, useState } from "react";
import { KeyRound } from "lucide-react";
import { CopyableSecret } from "@/components/copyable-secret";
import { createApiKeyAction, type CreateKeyState } from "@/app/(hub)/settings/actions";
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

const initial: CreateKeyState = { ok: false };

/** Creates a key and shows it exactly once, with a copy button; closing the dialog forgets it. */
export function CreateApiKeyDialog() {
  const [open, setOpen] = useState(false);
  const [formKey, setFormKey] = useState(0);
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        // A fresh form next time: the key must not be shown again.
        if (!next) setFormKey((k) => k + 1);
      }}
    >
      <DialogTrigger asChild>
        <Button>
          <KeyRound aria-hidden="true" />
          Create API key
        </Button>
      </DialogTrigger>
      <DialogContent>
        <CreateApiKeyForm key={formKey} onDone={() => setOpen(false)} />
      </DialogContent>
    </Dialog>
  );
}

function CreateApiKeyForm({ onDone }: { onDone: () => void }) {
  const [state, action, pending] = useActionState(createApiKeyAction, initial);

  if (state.ok && state.key) {
    return (
      <>
        <DialogHeader>
          <DialogTitle>API key created</DialogTitle>
          <DialogDescription>
            Copy it now: this is the only time it is shown. Junction stores only a hash of it.
          </DialogDescription>
        </DialogHeader>
        <CopyableSecret value={state.key} label="New API key" copyLabel="Copy API key" />
        <p className="text-xs text-muted-foreground">
          Send it as <code className="font-mono">Authorization: Bearer {state.prefix}…</code>
        </p>
        <DialogFooter>
          <Button type="button" onClick={onDone}>
            Done
          </Button>
        </DialogFooter>
      </>
    );
  }

  return (
    <form action={action} className="grid gap-4">
      <DialogHeader>
        <DialogTitle>Create API key</DialogTitle>
        <DialogDescription>The key acts as you, in this workspace, through the REST API.</DialogDescription>
      </DialogHeader>
      <div className="grid gap-2">
        <Label htmlFor="api-key-name">Key name</Label>
        <Input
          id="api-key-name"
          name="name"
          placeholder="e.g. CI deploys"
          maxLength={100}
          required
          aria-invalid={state.field === "name" || undefined}
          aria-describedby={state.error ? "api-key-error" : undefined}
        />
        {state.error ? (
          <p id="api-key-error" role="alert" className="text-sm text-destructive">
            {state.error}
          </p>
        ) : null}
      </div>
      <DialogFooter>
        <Button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create key"}
        </Button>
      </DialogFooter>
    </form>
  );
}
