"use client";

import { useOptimistic, useTransition } from "react";
import { toast } from "sonner";
import { setFlowActiveAction } from "@/app/(hub)/flow-quick-actions";
import { Switch } from "@/components/ui/switch";

/**
 * Pauses or resumes a flow in place. Named for what pressing it does ("Pause Orders",
 * "Resume Orders"); checked means active. The page re-renders with the stored state; a
 * refused change (a viewer, a flow that no longer validates) springs back with a toast.
 */
export function FlowActiveSwitch({ flowId, name, active, canManage }: { flowId: string; name: string; active: boolean; canManage: boolean }) {
  const [shown, setShown] = useOptimistic(active);
  const [pending, startTransition] = useTransition();
  return (
    <div className="flex items-center gap-2">
      <Switch
        checked={shown}
        disabled={!canManage || pending}
        aria-label={`${shown ? "Pause" : "Resume"} ${name}`}
        title={canManage ? undefined : "Viewers cannot pause or resume flows"}
        // Inside a clickable table row: toggling is not opening the row.
        onClick={(event) => event.stopPropagation()}
        onCheckedChange={(next) =>
          startTransition(async () => {
            setShown(next);
            const result = await setFlowActiveAction({ flowId, active: next });
            if (!result.ok) toast.error(result.error ?? `Could not change “${name}”.`);
            else toast.success(next ? `Resumed “${name}”.` : `Paused “${name}”.`);
          })
        }
      />
      <span aria-hidden="true" className="w-12 text-xs text-muted-foreground">
        {shown ? "Active" : "Paused"}
      </span>
    </div>
  );
}
