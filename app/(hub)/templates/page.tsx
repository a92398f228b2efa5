import type { Metadata } from "next";
import { LayoutTemplate } from "lucide-react";

import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/shell/page-header";
import { TemplateCard } from "@/components/templates/template-card";
import type { ConnectionChoice } from "@/components/templates/use-template-dialog";
import { requireSession } from "@/lib/auth/session";
import { roleAtLeast } from "@/lib/auth/types";
import { listConnectionRows } from "@/lib/connections/connection-queries";
import { withUser } from "@/lib/db/scope";
import { FLOW_TEMPLATES, templateConnectors } from "@/lib/templates/catalog";

export const metadata: Metadata = { title: "Templates" };

export default async function TemplatesPage() {
  const session = await requireSession();
  const canCreate = roleAtLeast(session.workspace.role, "member");
  const rows = await withUser({ userId: session.user.id, email: session.user.email }, (tx) =>
    listConnectionRows(tx, session.workspace.id),
  );
  const connections: ConnectionChoice[] = rows
    .filter((r) => r.status !== "revoked")
    .map((r) => ({ id: r.id, name: r.name, connector: r.connector, status: r.status }));

  return (
    <>
      <PageHeader
        title="Templates"
        description="Ready-made flows: pick the connections, and the flow is created with its steps and mapping filled in."
      />
      {!canCreate ? (
        <p className="text-sm text-muted-foreground">Viewers can browse templates; members and above can create flows from them.</p>
      ) : null}
      {FLOW_TEMPLATES.length === 0 ? (
        <EmptyState icon={LayoutTemplate} title="No templates" description="This build ships without flow templates." />
      ) : (
        <ul aria-label="Templates" className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
          {FLOW_TEMPLATES.map((t) => (
            <li key={t.slug}>
              <TemplateCard
                template={{
                  slug: t.slug,
                  name: t.name,
                  description: t.description,
                  triggerLabel: t.triggerLabel,
                  slots: t.slots,
                  afterCreate: t.afterCreate,
                  stepCount: t.definition.steps.length,
                }}
                connectors={templateConnectors(t)}
                connections={connections}
                canCreate={canCreate}
              />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
