import type { Metadata } from "next";

import { summarizeConnections, stateOf } from "@/components/connectors/catalog-model";
import { AddCustomConnectorDialog } from "@/components/connectors/add-custom-connector-dialog";
import { Marketplace } from "@/components/connectors/marketplace";
import { PageHeader } from "@/components/shell/page-header";
import { requireSession } from "@/lib/auth/session";
import { roleAtLeast } from "@/lib/auth/types";
import { formatRelative } from "@/components/relative-time";
import { lastRunsByConnector, listConnectionRows } from "@/lib/connections/connection-queries";
import { withUser } from "@/lib/db/scope";
import { loadCatalog } from "./load-catalog";

export const metadata: Metadata = { title: "Connectors" };

export default async function ConnectorsPage() {
  const session = await requireSession();
  const workspaceId = session.workspace.id;
  const { catalog, connections, runs } = await withUser({ userId: session.user.id, email: session.user.email }, async (tx) => ({
    catalog: await loadCatalog(tx, workspaceId),
    // Only what the cards count: never a row with its ciphertext.
    connections: (await listConnectionRows(tx, workspaceId)).map((r) => ({ connector: r.connector, status: r.status })),
    runs: await lastRunsByConnector(tx, workspaceId),
  }));
  // Formatted here, once: the same text on the server and in the browser.
  const now = new Date();
  const moment = (d: Date | null | undefined) => (d ? { label: formatRelative(d, now), title: d.toUTCString() } : null);
  const states = summarizeConnections(connections);
  const items = catalog.map((c) => ({
    slug: c.slug,
    name: c.name,
    category: c.category,
    description: c.description,
    icon: c.icon,
    docs_url: c.docs_url,
    custom: c.custom,
    configured_by_environment: c.configured_by_environment,
    auth: c.auth,
    oauth: c.oauth,
    state: stateOf(states, c.slug),
    lastRun: moment(runs.get(c.slug)?.lastRun),
    lastSuccess: moment(runs.get(c.slug)?.lastSuccess),
  }));

  return (
    <>
      <PageHeader title="Connectors" description="The services Junction can talk to, and whether this workspace is connected to each.">
        {roleAtLeast(session.workspace.role, "admin") ? <AddCustomConnectorDialog /> : null}
      </PageHeader>
      <Marketplace connectors={items} canConnect={roleAtLeast(session.workspace.role, "member")} />
    </>
  );
}
