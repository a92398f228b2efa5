"use client";

import { useActionState, useState } from "react";
import { BellPlus } from "lucide-react";
import { CopyableSecret } from "@/components/copyable-secret";
import { createChannelAction, type CreateChannelState } from "@/app/(hub)/settings/channel-actions";
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
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { CHANNEL_FIELDS, CHANNEL_KIND_OPTIONS, type ChannelFormKind } from "./channel-form-model";

const initial: CreateChannelState = { ok: false };

/** Adds a channel; a generic webhook's signing secret is shown here once, like an API key. */
export function AddChannelDialog() {
  const [open, setOpen] = useState(false);
  const [formKey, setFormKey] = useState(0);
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        // Nothing typed (a webhook URL, a SendGrid key) or shown (the signing secret) survives a close.
        if (!next) setFormKey((k) => k + 1);
      }}
    >
      <DialogTrigger asChild>
        <Button>
          <BellPlus aria-hidden="true" />
          Add channel
        </Button>
      </DialogTrigger>
      <DialogContent className="max-h-[calc(100svh-2rem)] overflow-y-auto">
        <AddChannelForm key={formKey} onDone={() => setOpen(false)} />
      </DialogContent>
    </Dialog>
  );
}

function AddChannelForm({ onDone }: { onDone: () => void }) {
  const [state, action, pending] = useActionState(createChannelAction, initial);
  const [kind, setKind] = useState<ChannelFormKind>("slack");

  if (state.ok) {
    return (
      <>
        <DialogHeader>
          <DialogTitle>Channel added</DialogTitle>
          <DialogDescription>
            {state.signingSecret
              ? "Copy the signing secret now: it is shown this once. Your endpoint verifies each request's webhook-signature header with it (Standard Webhooks)."
              : `“${state.name}” will receive alerts. Send a test from the list to check it.`}
          </DialogDescription>
        </DialogHeader>
        {state.signingSecret ? <CopyableSecret value={state.signingSecret} label="Signing secret" copyLabel="Copy signing secret" /> : null}
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
        <DialogTitle>Add notification channel</DialogTitle>
        <DialogDescription>Where alerts go when a flow fails or its error rate climbs.</DialogDescription>
      </DialogHeader>
      <input type="hidden" name="kind" value={kind} />
      <div className="grid gap-2">
        <Label htmlFor="channel-kind">Kind</Label>
        <Select value={kind} onValueChange={(v) => setKind(v as ChannelFormKind)}>
          <SelectTrigger id="channel-kind" className="w-full">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            {CHANNEL_KIND_OPTIONS.map((o) => (
              <SelectItem key={o.kind} value={o.kind}>
                {o.label}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      </div>
      <div className="grid gap-2">
        <Label htmlFor="channel-name">Channel name</Label>
        <Input id="channel-name" name="name" maxLength={100} required placeholder="e.g. Ops alerts" aria-invalid={state.field === "name" || undefined} />
      </div>
      {CHANNEL_FIELDS[kind].map((field) => (
        <div key={`${kind}-${field.name}`} className="grid gap-2">
          <Label htmlFor={`channel-${field.name}`}>{field.label}</Label>
          <Input
            id={`channel-${field.name}`}
            name={field.name}
            type={field.type}
            required
            autoComplete="off"
            placeholder={field.placeholder}
            aria-invalid={state.field?.startsWith(field.name) || undefined}
            aria-describedby={field.help ? `channel-${field.name}-help` : undefined}
          />
          {field.help ? (
            <p id={`channel-${field.name}-help`} className="text-xs text-muted-foreground">
              {field.help}
            </p>
          ) : null}
        </div>
      ))}
      {state.error ? (
        <p role="alert" className="text-sm text-destructive">
          {state.error}
        </p>
      ) : null}
      <DialogFooter>
        <Button type="submit" disabled={pending}>
          {pending ? "Adding…" : "Add channel"}
        </Button>
      </DialogFooter>
    </form>
  );
}
