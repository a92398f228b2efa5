import type { Metadata } from "next";
import { Activity } from "lucide-react";

import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/shell/page-header";

export const metadata: Metadata = { title: "Health" };

export default function HealthPage() {
  return (
    <>
      <PageHeader title="Health" description="Success rates, slow steps and connections that need attention." />
      <EmptyState
        icon={Activity}
        title="No health data yet"
        description="Charts of successful and failed runs, step latency and failing connections will appear here. Health monitoring arrives in a later release."
      />
    </>
  );
}
