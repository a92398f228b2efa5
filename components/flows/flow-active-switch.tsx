"use client";

import { useState, useTransition } from "react";
import { toast } from "sonner";
import { setFlowActiveAction } from "@/app/(hub)/flows/actions";
import { Switch } from "@/components/ui/switch";

/** Turns a flow on or off from the list; the server checks the flow is complete before activating. */
export function FlowActiveSwitch({ id, name, active, disabled }: { id: string; name: string; active: boolean; disabled: boolean }) {
  const [checked, setChecked] = useState(active);
  const [pending, startTransition] = useTransition();
  return (
    <Switch
      checked={checked}
      disabled={disabled || pending}
      aria-label={`${name} active`}
      onCheckedChange={(next) =>
        startTransition(async () => {
          const result = await setFlowActiveAction(id, next);
          if (!result.ok) return void toast.error(result.error ?? "Could not change the flow.");
          setChecked(Boolean(result.active));
          toast.success(result.active ? `“${name}” is active.` : `“${name}” is paused.`);
        })
      }
    />
  );
}
