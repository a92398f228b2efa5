"use client";

import { useTransition } from "react";
import { RefreshCw } from "lucide-react";
import { toast } from "sonner";
import { validateConnectionAction } from "@/app/(hub)/connections/actions";
import { Button } from "@/components/ui/button";

/** Calls the service with the stored credentials now; the card shows the recorded outcome. */
export function ValidateConnectionButton({ id, name }: { id: string; name: string }) {
  const [pending, startTransition] = useTransition();
  return (
    <Button
      variant="outline"
      size="sm"
      disabled={pending}
      onClick={() =>
        startTransition(async () => {
          const result = await validateConnectionAction(id);
          if (!result.ok) toast.error(result.error ?? `Could not check “${name}”.`);
          else if (result.status === "active") {
            toast.success(`“${name}” works.`, result.accountLabel ? { description: `Account: ${result.accountLabel}` } : undefined);
          } else {
            toast.error(`“${name}” failed the check.`, result.reason ? { description: result.reason } : undefined);
          }
        })
      }
    >
      <RefreshCw aria-hidden="true" className={pending ? "animate-spin" : undefined} />
      {pending ? "Validating…" : "Validate now"}
      <span className="sr-only"> {name}</span>
    </Button>
  );
}
