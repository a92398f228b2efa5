"use client";

import Link from "next/link";
import { AlertTriangle, History } from "lucide-react";
import type { FlowActivityState } from "@/app/(hub)/health/actions";
import { RelativeTime } from "@/components/relative-time";
import { StatusBadge } from "@/components/status-badge";
import { Button } from "@/components/ui/button";
import { Sheet, SheetContent, SheetDescription, SheetHeader, SheetTitle } from "@/components/ui/sheet";
import { Skeleton } from "@/components/ui/skeleton";
import { formatDuration, triggerLabel } from "@/lib/insights/format";
import { RunsChart } from "./runs-chart";

export interface SheetFlow {
  id: string;
  name: string;
  health: string;
}

function ActivitySkeleton() {
  return (
    <div aria-busy="true" className="grid gap-4">
      <span role="status" className="sr-only">
        Loading runs…
      </span>
      <Skeleton className="h-48 w-full" />
      {Array.from({ length: 6 }, (_, i) => (
        <Skeleton key={i} className="h-9 w-full" />
      ))}
    </div>
  );
}

/** One flow's last 50 runs and its 30-day chart, beside the health table. */
export function FlowActivitySheet({
  flow,
  activity,
  loading,
  now,
  onOpenChange,
  onRetry,
}: {
  flow: SheetFlow | null;
  activity: FlowActivityState | null;
  loading: boolean;
  now: Date;
  onOpenChange: (open: boolean) => void;
  onRetry: () => void;
}) {
  return (
    <Sheet open={flow !== null} onOpenChange={onOpenChange}>
      <SheetContent className="w-full gap-0 sm:max-w-xl">
        {flow ? (
          <>
            <SheetHeader className="border-b">
              <div className="flex items-center gap-2 pr-8">
                <SheetTitle className="truncate">{flow.name}</SheetTitle>
                <StatusBadge status={flow.health} />
              </div>
              <SheetDescription>Runs and errors per day over 30 days, and the last 50 runs.</SheetDescription>
            </SheetHeader>
            <div className="grid flex-1 content-start gap-6 overflow-y-auto p-4">
              {loading || !activity ? (
                <ActivitySkeleton />
              ) : !activity.ok ? (
                <div role="alert" className="grid justify-items-start gap-3 rounded-lg border border-destructive/40 p-4 text-sm">
                  <p className="flex items-center gap-2 font-medium text-destructive">
                    <AlertTriangle aria-hidden="true" className="size-4" />
                    Could not load this flow&apos;s runs.
                  </p>
                  <p className="text-muted-foreground">{activity.error}</p>
                  <Button size="sm" variant="outline" onClick={onRetry}>
                    Try again
                  </Button>
                </div>
              ) : (
                <>
                  <RunsChart days={activity.days ?? []} />
                  <section aria-labelledby="sheet-runs" className="grid gap-2">
                    <h3 id="sheet-runs" className="text-sm font-medium">
                      Last runs
                    </h3>
                    {activity.runs?.length ? (
                      <ol aria-label={`Runs of ${flow.name}`} className="divide-y rounded-lg border">
                        {activity.runs.map((run) => (
                          <li key={run.id}>
                            <Link
                              href={`/flows/${flow.id}/executions/${run.id}`}
                              prefetch={false}
                              className="grid grid-cols-[auto_1fr_auto] items-center gap-3 px-3 py-2 text-sm hover:bg-accent/50 focus-visible:bg-accent/50 focus-visible:outline-none"
                            >
                              <StatusBadge status={run.status} />
                              <span className="min-w-0 truncate text-muted-foreground">
                                {triggerLabel(run.triggerType)}
                                {run.dryRun ? " · dry run" : ""}
                                {run.errorMessage ? ` · ${run.errorMessage}` : ""}
                              </span>
                              <span className="flex items-center gap-3 text-right text-xs whitespace-nowrap text-muted-foreground">
                                <span className="tabular-nums">{formatDuration(run.durationMs)}</span>
                                <RelativeTime date={new Date(run.createdAt)} now={now} />
                              </span>
                            </Link>
                          </li>
                        ))}
                      </ol>
                    ) : (
                      <p className="flex items-center gap-2 rounded-lg border border-dashed p-4 text-sm text-muted-foreground">
                        <History aria-hidden="true" className="size-4" />
                        This flow has not run yet.
                      </p>
                    )}
                  </section>
                </>
              )}
            </div>
          </>
        ) : null}
      </SheetContent>
    </Sheet>
  );
}
