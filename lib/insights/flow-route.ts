// Where a flow's data comes from and where it goes, for the health table's "source →
// destination" column: read from the stored trigger and the materialized steps (flow_steps),
// never from the connectors' code.
//   source:       a sync's source connector; else a webhook signed by a service's scheme
//                 (Stripe, GitHub, …) is that service; else the trigger itself.
//   destinations: the connectors the flow's actions and syncs write to, in step order, once each.

export type FlowSource = { kind: "connector"; slug: string } | { kind: "trigger"; type: "webhook" | "schedule" | "manual" };

export interface FlowRoute {
  source: FlowSource;
  destinations: string[];
}

/** A flow_steps row, as much as this needs. */
export interface RouteStep {
  kind: string;
  connector: string | null;
  /** "destination" on the extra row a sync step has for its destination. */
  arm: string | null;
  position: number;
}

// Webhook signature schemes that name the service sending the event.
const SERVICE_SCHEMES = new Set(["stripe", "github", "slack", "shopify"]);

function triggerSource(trigger: unknown): FlowSource {
  const t = (trigger ?? {}) as { type?: unknown; signature?: { scheme?: unknown } };
  const scheme = typeof t.signature?.scheme === "string" ? t.signature.scheme : null;
  if (t.type === "webhook" && scheme && SERVICE_SCHEMES.has(scheme)) return { kind: "connector", slug: scheme };
  if (t.type === "schedule" || t.type === "webhook") return { kind: "trigger", type: t.type };
  return { kind: "trigger", type: "manual" };
}

export function flowRoute(trigger: unknown, steps: readonly RouteStep[]): FlowRoute {
  const ordered = [...steps].sort((a, b) => a.position - b.position);
  const syncSource = ordered.find((s) => s.kind === "sync" && s.arm !== "destination" && s.connector);
  const destinations: string[] = [];
  for (const step of ordered) {
    if (!step.connector || step === syncSource) continue;
    const writes = step.kind === "action" || (step.kind === "sync" && step.arm === "destination");
    if (writes && !destinations.includes(step.connector)) destinations.push(step.connector);
  }
  return { source: syncSource?.connector ? { kind: "connector", slug: syncSource.connector } : triggerSource(trigger), destinations };
}
