"use client";

import { useTransition } from "react";
import { Send, Trash2 } from "lucide-react";
import { toast } from "sonner";
import { deleteChannelAction, setChannelActiveAction, testChannelAction } from "@/app/(hub)/settings/channel-actions";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { Switch } from "@/components/ui/switch";

export function ChannelEnabledSwitch({ id, name, active }: { id: string; name: string; active: boolean }) {
  const [pending, startTransition] = useTransition();
  return (
    <Switch
      checked={active}
      disabled={pending}
      aria-label={`Enable ${name}`}
      onCheckedChange={(next) =>
        startTransition(async () => {
          const result = await setChannelActiveAction(id, next);
          if (result.ok) toast.success(next ? `“${name}” will receive alerts.` : `“${name}” is paused.`);
          else toast.error(result.error ?? "Could not change the channel.");
        })
      }
    />
  );
}

export function ChannelTestButton({ id, name }: { id: string; name: string }) {
  const [pending, startTransition] = useTransition();
  return (
    <Button
      variant="outline"
      size="sm"
      disabled={pending}
      aria-label={`Send test to ${name}`}
      onClick={() =>
        startTransition(async () => {
          const result = await testChannelAction(id);
          if (result.ok) toast.success(`Test delivered to “${name}” (HTTP ${result.status}).`);
          else toast.error(result.error ?? "The test was not delivered.");
        })
      }
    >
      <Send aria-hidden="true" />
      {pending ? "Sending…" : "Send test"}
    </Button>
  );
}

export function DeleteChannelButton({ id, name }: { id: string; name: string }) {
  const [pending, startTransition] = useTransition();
  return (
    <AlertDialog>
      <AlertDialogTrigger asChild>
        <Button variant="outline" size="sm" disabled={pending} aria-label={`Delete ${name}`}>
          <Trash2 aria-hidden="true" />
        </Button>
      </AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>Delete “{name}”?</AlertDialogTitle>
          <AlertDialogDescription>Alerts stop going there, and its stored secret is deleted.</AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel>Cancel</AlertDialogCancel>
          <AlertDialogAction
            onClick={() =>
              startTransition(async () => {
                const result = await deleteChannelAction(id);
                if (result.ok) toast.success(`Deleted “${name}”.`);
                else toast.error(result.error ?? "Could not delete the channel.");
              })
            }
          >
            Delete channel
          </AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
