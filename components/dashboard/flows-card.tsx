import Link from "next/link";
import { Workflow } from "lucide-react";
import { EmptyState } from "@/components/empty-state";
import { Button } from "@/components/ui/button";
import { FlowActiveSwitch } from "./flow-active-switch";

export interface FlowToggleItem {
  id: string;
  name: string;
  active: boolean;
  pausedReason: string | null;
}

/** Flows with a quick pause/resume switch: active ones first. */
export function FlowsToggleList({ flows, canManage }: { flows: FlowToggleItem[]; canManage: boolean }) {
  if (flows.length === 0) {
    return (
      <EmptyState icon={Workflow} title="No flows yet" description="Flows you create show here with a switch to pause them." className="min-h-48 border-0">
        {canManage ? (
          <Button asChild size="sm" variant="outline">
            <Link href="/flows/new">
              Create flow
            </Link>
          </Button>
        ) : null}
      </EmptyState>
    );
  }
  return (
    <ul aria-label="Flows" className="divide-y">
      {flows.map((flow) => (
        <li key={flow.id} className="flex items-center justify-between gap-3 py-2.5">
          <div className="min-w-0">
            <Link href={`/flows/${flow.id}`} prefetch={false} className="block truncate text-sm font-medium hover:underline">
              {flow.name}
            </Link>
            {flow.pausedReason ? <p className="truncate text-xs text-muted-foreground">{flow.pausedReason}</p> : null}
          </div>
          <FlowActiveSwitch flowId={flow.id} name={flow.name} active={flow.active} canManage={canManage} />
        </li>
      ))}
    </ul>
  );
}
