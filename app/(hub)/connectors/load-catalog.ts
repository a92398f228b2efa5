import { presentConnector, type ConnectorResponse } from "@/lib/connections/present-connector";
import { listCustomConnectors } from "@/lib/connections/resolve-connector";
import { listConnectors } from "@/lib/connectors/registry";
import type { Queryable } from "@/lib/db/types";

/** Every connector this workspace can use: the built-in catalog, then its own custom ones. */
export async function loadCatalog(q: Queryable, workspaceId: string): Promise<ConnectorResponse[]> {
  const custom = await listCustomConnectors(q, workspaceId);
  return [...listConnectors().map((def) => ({ def })), ...custom].map(presentConnector);
}
