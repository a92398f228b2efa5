import type { Metadata } from "next";
import { LayoutDashboard } from "lucide-react";

import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/shell/page-header";

export const metadata: Metadata = { title: "Dashboard" };

export default function DashboardPage() {
  return (
    <>
      <PageHeader title="Dashboard" description="How your flows, connections and webhooks are doing, at a glance." />
      <EmptyState
        icon={LayoutDashboard}
        title="Nothing to report yet"
        description="Recent runs, failures that need a look and connections about to expire will be summarised here once flows are running. Flows and their run history arrive in a later release."
      />
    </>
  );
}
