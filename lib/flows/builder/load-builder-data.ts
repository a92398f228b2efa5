import type { Session } from "@/lib/auth/types";
import { roleAtLeast } from "@/lib/auth/types";
import { listConnectionRows } from "@/lib/connections/connection-queries";
import { presentConnector } from "@/lib/connections/present-connector";
import { listCustomConnectors, type ResolvedConnector } from "@/lib/connections/resolve-connector";
import { listConnectors } from "@/lib/connectors/registry";
import { withUser } from "@/lib/db/scope";
import { describeConnector } from "./builder-catalog";

/** What the builder page hands to the browser: the catalog, connections (no credentials) and the connect forms. */
export async function loadBuilderData(session: Session) {
  const workspaceId = session.workspace.id;
  return withUser({ userId: session.user.id, email: session.user.email }, async (tx) => {
    const custom = await listCustomConnectors(tx, workspaceId);
    const resolved: ResolvedConnector[] = [...listConnectors().map((def) => ({ def })), ...custom];
    const rows = await listConnectionRows(tx, workspaceId);
    return {
      catalog: resolved.map((r) => describeConnector(r.def, Boolean(r.custom))),
      connectTargets: resolved.map((r) => {
        const { slug, name, icon, auth, oauth } = presentConnector(r);
        return { slug, name, icon, auth, oauth };
      }),
      connections: rows.map((r) => ({ id: r.id, name: r.name, connector: r.connector, status: r.status })),
      canEdit: roleAtLeast(session.workspace.role, "member"),
    };
  });
}
