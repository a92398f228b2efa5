import type { Metadata } from "next";
import { History } from "lucide-react";

import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/shell/page-header";

export const metadata: Metadata = { title: "Executions" };

export default function ExecutionsPage() {
  return (
    <>
      <PageHeader title="Executions" description="Every run of every flow, with its status, retries and logs." />
      <EmptyState
        icon={History}
        title="No executions yet"
        description="Each run will be listed here as it succeeds, retries or fails, with the input, output and error of every step. The run history arrives in a later release."
      />
    </>
  );
}
