import type { Metadata } from "next";
import { Blocks } from "lucide-react";

import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/shell/page-header";

export const metadata: Metadata = { title: "Connectors" };

export default function ConnectorsPage() {
  return (
    <>
      <PageHeader title="Connectors" description="The services Junction can talk to, and what each one can do." />
      <EmptyState
        icon={Blocks}
        title="No connectors to browse yet"
        description="Connect Slack, GitHub, Stripe and more — the connector marketplace is coming in the next release."
      />
    </>
  );
}
