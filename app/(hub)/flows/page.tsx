import type { Metadata } from "next";
import { Workflow } from "lucide-react";

import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/shell/page-header";

export const metadata: Metadata = { title: "Flows" };

export default function FlowsPage() {
  return (
    <>
      <PageHeader title="Flows" description="Triggers and the steps they run." />
      <EmptyState
        icon={Workflow}
        title="No flows yet"
        description="A flow starts from a webhook, a schedule or a manual run and passes the data through a series of steps. The flow builder arrives in a later release."
      />
    </>
  );
}
