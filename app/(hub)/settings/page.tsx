import type { Metadata } from "next";
import { KeyRound } from "lucide-react";

import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/shell/page-header";

export const metadata: Metadata = { title: "Settings" };

export default function SettingsPage() {
  return (
    <>
      <PageHeader
        title="Settings"
        description="API keys that let scripts and the REST API act on this workspace."
      />
      {/* API keys: the key list and create/revoke controls replace this empty state. */}
      <section aria-label="API keys">
        <EmptyState
          icon={KeyRound}
          title="API keys"
          description="Creating and revoking API keys on this page arrives in a later release. Until then, create one from a terminal in the Junction folder. The key is printed once; send it as a Bearer token."
        >
          <pre className="w-full overflow-x-auto rounded-md border bg-muted px-4 py-3 text-left font-mono text-xs">
            <code>npx junction api-key create --name NAME</code>
          </pre>
        </EmptyState>
      </section>
    </>
  );
}
