import type { Metadata } from "next";
import Link from "next/link";
import { Blocks, Cable, Plus } from "lucide-react";

import { ConnectDialog } from "@/components/connections/connect-dialog";
import { ConnectionCard, type ConnectorLook } from "@/components/connections/connection-card";
import { sortConnections } from "@/components/connections/connection-status";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { requireSession } from "@/lib/auth/session";
import { roleAtLeast } from "@/lib/auth/types";
import { flowsUsingConnection, listConnectionRows } from "@/lib/connections/connection-queries";
import { presentConnection, type ConnectionResponse } from "@/lib/connections/present";
import { withUser } from "@/lib/db/scope";
import { loadCatalog } from "../connectors/load-catalog";

export const metadata: Metadata = { title: "Connections" };

export default async function ConnectionsPage() {
  const session = await requireSession();
  const workspaceId = session.workspace.id;
  const canManage = roleAtLeast(session.workspace.role, "member");
  const { catalog, connections } = await withUser({ userId: session.user.id, email: session.user.email }, async (tx) => {
    const catalog = await loadCatalog(tx, workspaceId);
    const connections: ConnectionResponse[] = [];
    // One transaction, one query per connection: PGlite is a single connection anyway.
    for (const row of await listConnectionRows(tx, workspaceId)) {
      connections.push(presentConnection(row, await flowsUsingConnection(tx, workspaceId, row.id)));
    }
    return { catalog, connections };
  });
  const bySlug = new Map(catalog.map((c) => [c.slug, c]));
  const lookOf = (c: ConnectionResponse): ConnectorLook | null => {
    const def = bySlug.get(c.connector);
    if (!def) return null;
    return { name: def.name, icon: def.icon, authLabel: def.auth.find((a) => a.type === c.auth_type)?.label };
  };
  const targets = catalog.map(({ slug, name, icon, auth, oauth }) => ({ slug, name, icon, auth, oauth }));
  const now = new Date();

  return (
    <>
      <PageHeader title="Connections" description="Saved credentials for the accounts your flows use, encrypted at rest.">
        {canManage ? (
          <ConnectDialog connectors={targets}>
            <Button>
              <Plus aria-hidden="true" />
              New connection
            </Button>
          </ConnectDialog>
        ) : null}
      </PageHeader>
      {connections.length === 0 ? (
        <EmptyState
          icon={Cable}
          title="No connections yet"
          description="A connection holds the API key or OAuth token of one account, encrypted, for your flows to use. Pick a service in the marketplace to connect it."
        >
          <Button asChild variant="outline">
            <Link href="/connectors">
              <Blocks aria-hidden="true" />
              Browse connectors
            </Link>
          </Button>
        </EmptyState>
      ) : (
        <>
          {!canManage ? (
            <p className="text-sm text-muted-foreground">Viewers can see connections; members and above can change them.</p>
          ) : null}
          <ul aria-label="Connections" className="grid gap-4 md:grid-cols-2">
            {sortConnections(connections).map((c) => (
              <li key={c.id}>
                <ConnectionCard connection={c} connector={lookOf(c)} canManage={canManage} now={now} />
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
