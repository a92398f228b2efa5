"use client";

import { useId } from "react";
import Image from "next/image";
import { ExternalLink, Plug, ServerCog } from "lucide-react";
import { ConnectDialog } from "@/components/connections/connect-dialog";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import type { ConnectorResponse } from "@/lib/connections/present-connector";
import { cn } from "@/lib/utils";
import { authBadges, stateLabel, type ConnectorState } from "./catalog-model";

export type MarketplaceConnector = Pick<
  ConnectorResponse,
  "slug" | "name" | "category" | "description" | "icon" | "docs_url" | "custom" | "configured_by_environment" | "auth" | "oauth"
> & {
  state: ConnectorState;
  /** When a run of a flow using it last ended, and last succeeded (preformatted on the server). */
  lastRun?: Moment | null;
  lastSuccess?: Moment | null;
};

type Moment = { label: string; title: string };

const STATE_STYLE: Record<ConnectorState["kind"], string> = {
  not_connected: "border-border bg-transparent text-muted-foreground",
  connected: "border-transparent bg-emerald-100 text-emerald-800 dark:bg-emerald-500/15 dark:text-emerald-300",
  error: "border-transparent bg-red-100 text-red-800 dark:bg-red-500/15 dark:text-red-300",
};

function StateBadge({ state }: { state: ConnectorState }) {
  const title =
    state.kind === "error" ? `${state.failing} of ${state.count} connections failed their check or expired` : undefined;
  return (
    <Badge className={STATE_STYLE[state.kind]} title={title}>
      {stateLabel(state)}
    </Badge>
  );
}

/** One connector of the marketplace: what it is, how it authenticates, and its state here. */
export function ConnectorCard({ connector: c, canConnect }: { connector: MarketplaceConnector; canConnect: boolean }) {
  const titleId = useId();
  return (
    <article aria-labelledby={titleId} className="h-full">
      <Card className="h-full gap-4">
        <CardHeader>
          <div className="flex min-w-0 items-center gap-3">
            <span className="flex size-10 shrink-0 items-center justify-center rounded-lg border bg-background">
              <Image src={c.icon} alt="" width={24} height={24} unoptimized loading="eager" />
            </span>
            <div className="min-w-0">
              <CardTitle>
                <h2 id={titleId} className="break-words">
                  {c.name}
                </h2>
              </CardTitle>
              <p className="mt-1 text-xs text-muted-foreground">
                {c.category}
                {c.custom ? " · Custom" : null}
              </p>
            </div>
          </div>
        </CardHeader>
        <CardContent className="flex flex-1 flex-col gap-3">
          <p className="text-sm text-muted-foreground">{c.description}</p>
          <ul aria-label="Authentication" className="flex flex-wrap gap-1.5">
            {authBadges(c.auth).map((label) => (
              <li key={label}>
                <Badge variant="outline">{label}</Badge>
              </li>
            ))}
          </ul>
          {c.configured_by_environment ? (
            <div className="grid gap-1">
              <Badge variant="secondary">
                <ServerCog aria-hidden="true" />
                Configured by environment
              </Badge>
              <p className="text-xs text-muted-foreground">
                Ready for flows without a connection: this deployment provides its credentials.
              </p>
            </div>
          ) : null}
          <div className="mt-auto flex flex-wrap items-center justify-between gap-2 pt-1">
            <StateBadge state={c.state} />
            <dl className="grid grid-cols-[auto_1fr] gap-x-1 text-xs text-muted-foreground">
              <dt>Last sync:</dt>
              <dd>{c.lastRun ? <time title={c.lastRun.title}>{c.lastRun.label}</time> : "No runs yet"}</dd>
              {c.lastRun ? (
                <>
                  <dt>Data fresh as of:</dt>
                  <dd>{c.lastSuccess ? <time title={c.lastSuccess.title}>{c.lastSuccess.label}</time> : "never (no run succeeded)"}</dd>
                </>
              ) : null}
            </dl>
          </div>
        </CardContent>
        <CardFooter className={cn("flex-wrap gap-2", !canConnect && "justify-end")}>
          {canConnect ? (
            <ConnectDialog connectors={[c]}>
              <Button size="sm">
                <Plug aria-hidden="true" />
                Connect<span className="sr-only"> {c.name}</span>
              </Button>
            </ConnectDialog>
          ) : null}
          {!c.custom ? (
            <Button asChild variant="ghost" size="sm" className="ml-auto">
              <a href={c.docs_url} target="_blank" rel="noreferrer">
                API docs<span className="sr-only"> for {c.name} (opens in a new tab)</span>
                <ExternalLink aria-hidden="true" />
              </a>
            </Button>
          ) : null}
        </CardFooter>
      </Card>
    </article>
  );
}
