import Image from "next/image";
import { ArrowRight, CalendarClock, Hand, Webhook, type LucideIcon } from "lucide-react";
import type { FlowRoute, FlowSource } from "@/lib/insights/flow-route";

export type ConnectorLooks = Record<string, { name: string; icon: string }>;

const TRIGGERS: Record<"webhook" | "schedule" | "manual", { label: string; icon: LucideIcon }> = {
  webhook: { label: "Webhook", icon: Webhook },
  schedule: { label: "Schedule", icon: CalendarClock },
  manual: { label: "Manual", icon: Hand },
};

const FALLBACK_ICON = "/connectors/http.svg";

function ConnectorChip({ slug, looks }: { slug: string; looks: ConnectorLooks }) {
  const look = looks[slug];
  return (
    <span className="inline-flex min-w-0 items-center gap-1">
      <Image src={look?.icon ?? FALLBACK_ICON} alt="" width={14} height={14} unoptimized className="shrink-0" />
      <span className="truncate">{look?.name ?? slug}</span>
    </span>
  );
}

function SourceChip({ source, looks }: { source: FlowSource; looks: ConnectorLooks }) {
  if (source.kind === "connector") return <ConnectorChip slug={source.slug} looks={looks} />;
  const { label, icon: Icon } = TRIGGERS[source.type];
  return (
    <span className="inline-flex items-center gap-1">
      <Icon aria-hidden="true" className="size-3.5 shrink-0" />
      {label}
    </span>
  );
}

/** "Stripe → Slack, Notion": where the flow's data comes from and which services it writes to. */
export function ConnectorRoute({ route, looks }: { route: FlowRoute; looks: ConnectorLooks }) {
  const text = `${route.source.kind === "connector" ? (looks[route.source.slug]?.name ?? route.source.slug) : TRIGGERS[route.source.type].label} to ${
    route.destinations.length ? route.destinations.map((d) => looks[d]?.name ?? d).join(", ") : "no service"
  }`;
  return (
    <span className="flex min-w-0 flex-wrap items-center gap-1.5 text-xs text-muted-foreground">
      <span className="sr-only">{text}</span>
      <span aria-hidden="true" className="contents">
        <SourceChip source={route.source} looks={looks} />
        <ArrowRight className="size-3 shrink-0" />
        {route.destinations.length === 0 ? <span>no service</span> : null}
        {route.destinations.map((slug, i) => (
          <span key={slug} className="inline-flex items-center">
            <ConnectorChip slug={slug} looks={looks} />
            {i < route.destinations.length - 1 ? "," : null}
          </span>
        ))}
      </span>
    </span>
  );
}
