"use client";

import { useId, useState, useTransition } from "react";
import { Pencil } from "lucide-react";
import { toast } from "sonner";
import { renameConnectionAction } from "@/app/(hub)/connections/actions";
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

export function RenameConnectionDialog({ id, name }: { id: string; name: string }) {
  const inputId = useId();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(async () => {
      const result = await renameConnectionAction(formData);
      if (!result.ok) {
        setError(result.error ?? "Could not rename the connection.");
        return;
      }
      setOpen(false);
      toast.success(`Renamed to “${result.name}”.`);
    });
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        setError(null);
      }}
    >
      <DialogTrigger asChild>
        <Button variant="ghost" size="sm">
          <Pencil aria-hidden="true" />
          Rename<span className="sr-only"> {name}</span>
        </Button>
      </DialogTrigger>
      <DialogContent>
        <form onSubmit={submit} className="grid gap-4">
          <DialogHeader>
            <DialogTitle>Rename “{name}”</DialogTitle>
            <DialogDescription>Flows refer to the connection itself, so they keep working.</DialogDescription>
          </DialogHeader>
          <input type="hidden" name="id" value={id} />
          <div className="grid gap-2">
            <Label htmlFor={inputId}>New name</Label>
            <Input
              id={inputId}
              name="name"
              defaultValue={name}
              maxLength={100}
              required
              autoComplete="off"
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${inputId}-error` : undefined}
            />
            {error ? (
              <p id={`${inputId}-error`} role="alert" className="text-sm text-destructive">
                {error}
              </p>
            ) : null}
          </div>
          <DialogFooter>
            <Button type="submit" disabled={pending}>
              {pending ? "Saving…" : "Save name"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
