import { and, eq } from "drizzle-orm";
import { getConnector } from "@/lib/connectors/registry";
import type { ConnectorDefinition } from "@/lib/connectors/types";
import { connectors } from "@/lib/db/schema";
import type { Queryable } from "@/lib/db/types";
import { customDefinition } from "./custom-connector";

export type CustomConnectorRow = typeof connectors.$inferSelect;

export interface ResolvedConnector {
  def: ConnectorDefinition;
  /** Set for a workspace's own connector: its row holds the OAuth app. */
  custom?: CustomConnectorRow;
}

/** A built-in connector, or one of the workspace's custom connectors; null when neither. */
export async function resolveConnector(q: Queryable, workspaceId: string, slug: string): Promise<ResolvedConnector | null> {
  const builtIn = getConnector(slug);
  if (builtIn) return { def: builtIn };
  const [row] = await q
    .select()
    .from(connectors)
    .where(and(eq(connectors.workspaceId, workspaceId), eq(connectors.slug, slug)));
  return row ? { def: customDefinition(row), custom: row } : null;
}

export async function listCustomConnectors(q: Queryable, workspaceId: string): Promise<ResolvedConnector[]> {
  const rows = await q.select().from(connectors).where(eq(connectors.workspaceId, workspaceId)).orderBy(connectors.name);
  return rows.map((row) => ({ def: customDefinition(row), custom: row }));
}
