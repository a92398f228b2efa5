"use client";

import { useTransition } from "react";
import { Ban } from "lucide-react";
import { toast } from "sonner";
import { revokeConnectionAction } from "@/app/(hub)/connections/actions";
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

/** Revoking destroys the credentials; the dialog names every flow that will be paused. */
export function RevokeConnectionDialog({
  id,
  name,
  usedBy,
}: {
  id: string;
  name: string;
  usedBy: { flow_id: string; name: string }[];
}) {
  const [pending, startTransition] = useTransition();
  return (
    <AlertDialog>
      <AlertDialogTrigger asChild>
        <Button variant="ghost" size="sm" disabled={pending} className="text-destructive hover:text-destructive">
          <Ban aria-hidden="true" />
          Revoke<span className="sr-only"> {name}</span>
        </Button>
      </AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>Revoke “{name}”?</AlertDialogTitle>
          <AlertDialogDescription>
            Its credentials are deleted now and cannot be recovered; to use the account again, create a new connection.
          </AlertDialogDescription>
        </AlertDialogHeader>
        {usedBy.length > 0 ? (
          <div className="grid gap-2 text-sm">
            <p>
              {usedBy.length === 1 ? "This flow uses it and will be paused:" : `These ${usedBy.length} flows use it and will be paused:`}
            </p>
            <ul aria-label="Flows that will be paused" className="list-disc space-y-1 pl-5">
              {usedBy.map((flow) => (
                <li key={flow.flow_id}>{flow.name}</li>
              ))}
            </ul>
          </div>
        ) : (
          <p className="text-sm text-muted-foreground">No flow uses this connection, so nothing will be paused.</p>
        )}
        <AlertDialogFooter>
          <AlertDialogCancel>Cancel</AlertDialogCancel>
          <AlertDialogAction
            className="bg-destructive text-white hover:bg-destructive/90"
            onClick={() =>
              startTransition(async () => {
                const result = await revokeConnectionAction(id);
                if (!result.ok) toast.error(result.error ?? "Could not revoke the connection.");
                else if (result.pausedFlows) {
                  toast.success(`Revoked “${name}”.`, {
                    description: `${result.pausedFlows} flow${result.pausedFlows === 1 ? " was" : "s were"} paused.`,
                  });
                } else toast.success(`Revoked “${name}”.`);
              })
            }
          >
            Revoke connection
          </AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
