import type { Metadata } from "next";
import { Cable } from "lucide-react";

import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/shell/page-header";

export const metadata: Metadata = { title: "Connections" };

export default function ConnectionsPage() {
  return (
    <>
      <PageHeader title="Connections" description="Saved credentials for the accounts your flows use, encrypted at rest." />
      <EmptyState
        icon={Cable}
        title="No connections yet"
        description="A connection holds the API key or OAuth token of one account, encrypted, for your flows to use. Adding and testing connections from this page arrives in a later release."
      />
    </>
  );
}
