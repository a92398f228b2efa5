import Link from "next/link";
import { SearchX } from "lucide-react";

import { EmptyState } from "@/components/empty-state";
import { Button } from "@/components/ui/button";

/** An unknown id, or one of another workspace (row-level security hides it): the same answer. */
export function ExecutionNotFound() {
  return (
    <EmptyState
      icon={SearchX}
      title="Execution not found"
      description="There is no execution with this id in this workspace. It may have been removed by the retention policy, or it belongs to another workspace."
    >
      <Button asChild variant="outline">
        <Link href="/executions">All executions</Link>
      </Button>
    </EmptyState>
  );
}
