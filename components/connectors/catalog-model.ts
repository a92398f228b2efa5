// What the marketplace shows about each connector for this workspace, and how its search and
// category filter match: pure, so the page, the cards and the tests agree.

export type ConnectionStatus = "active" | "invalid" | "expired" | "revoked";

export type ConnectorState =
  | { kind: "not_connected" }
  | { kind: "connected"; count: number }
  /** At least one connection failed its last check or expired. */
  | { kind: "error"; count: number; failing: number };

/** Per connector slug, from this workspace's connections; revoked ones no longer count. */
export function summarizeConnections(
  connections: readonly { connector: string; status: ConnectionStatus }[],
): Map<string, ConnectorState> {
  const tally = new Map<string, { count: number; failing: number }>();
  for (const { connector, status } of connections) {
    if (status === "revoked") continue;
    const t = tally.get(connector) ?? { count: 0, failing: 0 };
    t.count += 1;
    if (status === "invalid" || status === "expired") t.failing += 1;
    tally.set(connector, t);
  }
  const states = new Map<string, ConnectorState>();
  for (const [slug, { count, failing }] of tally) {
    states.set(slug, failing > 0 ? { kind: "error", count, failing } : { kind: "connected", count });
  }
  return states;
}

export function stateOf(states: ReadonlyMap<string, ConnectorState>, slug: string): ConnectorState {
  return states.get(slug) ?? { kind: "not_connected" };
}

export function stateLabel(state: ConnectorState): string {
  switch (state.kind) {
    case "not_connected":
      return "Not connected";
    case "connected":
      return `Connected (${state.count})`;
    case "error":
      return "Error";
  }
}

export interface Searchable {
  slug: string;
  name: string;
  description: string;
  category: string;
}

export const ALL_CATEGORIES = "all";

/**
 * Connectors whose name, slug, description or category contain every word of the query
 * (any case), in the chosen category ("all" for every one). The order is kept.
 */
export function filterConnectors<T extends Searchable>(list: readonly T[], query: string, category: string): T[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return list.filter((c) => {
    if (category !== ALL_CATEGORIES && c.category !== category) return false;
    const haystack = `${c.name} ${c.slug} ${c.description} ${c.category}`.toLowerCase();
    return words.every((w) => haystack.includes(w));
  });
}

/** The categories present, alphabetically, for the filter. */
export function categoriesOf(list: readonly { category: string }[]): string[] {
  return [...new Set(list.map((c) => c.category))].sort((a, b) => a.localeCompare(b));
}

const AUTH_LABELS: Record<string, string> = {
  api_key: "API key",
  bearer: "Token",
  basic: "Basic auth",
  oauth2: "OAuth",
  none: "No auth",
};

/** Short, de-duplicated badges for the ways a connector authenticates. */
export function authBadges(auth: readonly { type: string }[]): string[] {
  return [...new Set(auth.map((a) => AUTH_LABELS[a.type] ?? a.type))];
}
