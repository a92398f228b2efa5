"use client";

import { useTransition } from "react";
import { useRouter } from "next/navigation";
import { Play } from "lucide-react";
import { toast } from "sonner";
import { runFlowNowAction } from "@/app/(hub)/flow-quick-actions";
import { Button } from "@/components/ui/button";

/** Starts a manual run of the flow now; the toast links to the new run. */
export function RunNowButton({ flowId, name, canManage }: { flowId: string; name: string; canManage: boolean }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <Button
      variant="outline"
      size="sm"
      disabled={!canManage || pending}
      aria-label={`Run ${name} now`}
      title={canManage ? undefined : "Viewers cannot run flows"}
      onClick={(event) => {
        event.stopPropagation();
        startTransition(async () => {
          const result = await runFlowNowAction(flowId);
          if (!result.ok || !result.executionId) {
            toast.error(result.error ?? `Could not run “${name}”.`);
            return;
          }
          const href = `/flows/${flowId}/executions/${result.executionId}`;
          toast.success(`Started a run of “${name}”.`, { action: { label: "View run", onClick: () => router.push(href) } });
        });
      }}
    >
      <Play aria-hidden="true" className={pending ? "animate-pulse" : undefined} />
      {pending ? "Starting…" : "Run now"}
    </Button>
  );
}
