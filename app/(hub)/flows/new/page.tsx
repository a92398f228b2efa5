import type { Metadata } from "next";
import Link from "next/link";
import { LayoutTemplate, Lock } from "lucide-react";

import { EmptyState } from "@/components/empty-state";
import { FlowBuilder } from "@/components/flow-builder/flow-builder";
import { Button } from "@/components/ui/button";
import { requireSession } from "@/lib/auth/session";
import type { FlowDefinition } from "@/lib/flows/definition";
import { loadBuilderData } from "@/lib/flows/builder/load-builder-data";

export const metadata: Metadata = { title: "New flow" };

const BLANK: FlowDefinition = { name: "Untitled flow", description: "", active: false, trigger: { type: "webhook" }, steps: [], on_error: [] };

export default async function NewFlowPage() {
  const session = await requireSession();
  const data = await loadBuilderData(session);
  if (!data.canEdit) {
    return <EmptyState icon={Lock} title="Viewers cannot create flows" description="Ask an admin of this workspace for the member role to build flows." />;
  }
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <Link href="/flows" className="text-muted-foreground hover:underline">
          ← Flows
        </Link>
        <Button asChild variant="link" size="sm" className="h-auto p-0">
          <Link href="/templates">
            <LayoutTemplate aria-hidden="true" />
            Start from a template
          </Link>
        </Button>
      </div>
      <FlowBuilder flowId={null} version={null} active={false} pausedReason={null} definition={BLANK} {...data} />
    </>
  );
}
