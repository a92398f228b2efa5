import type { Metadata } from "next";
import Link from "next/link";
import { Activity, Plus } from "lucide-react";

import { EmptyState } from "@/components/empty-state";
import { HealthSummary } from "@/components/health/health-summary";
import { HealthTable } from "@/components/health/health-table";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { requireSession } from "@/lib/auth/session";
import { roleAtLeast } from "@/lib/auth/types";
import { withUser } from "@/lib/db/scope";
import { WARNING_ERROR_RATE } from "@/lib/insights/flow-health";
import { flowHealthRows } from "@/lib/insights/flow-health-rows";
import { workspaceStats } from "@/lib/insights/workspace-stats";
import { loadCatalog } from "../connectors/load-catalog";

export const metadata: Metadata = { title: "Health" };

export default async function HealthPage() {
  const session = await requireSession();
  const workspaceId = session.workspace.id;
  const canManage = roleAtLeast(session.workspace.role, "member");
  const now = new Date();
  const { stats, rows, catalog } = await withUser({ userId: session.user.id, email: session.user.email }, async (tx) => ({
    stats: await workspaceStats(tx, workspaceId, now),
    rows: await flowHealthRows(tx, workspaceId, now),
    catalog: await loadCatalog(tx, workspaceId),
  }));
  const looks = Object.fromEntries(catalog.map((c) => [c.slug, { name: c.name, icon: c.icon }]));
  const errored = rows.filter((r) => r.health === "error").length;

  return (
    <>
      <PageHeader
        title="Health"
        description={
          rows.length === 0
            ? "How every flow is doing: failures, retries and error rates."
            : errored
              ? `${errored} of ${rows.length} flows need attention.`
              : `All ${rows.length} flows are running without errors.`
        }
      />
      <HealthSummary stats={stats} />
      {rows.length === 0 ? (
        <EmptyState
          icon={Activity}
          title="No flows to watch yet"
          description="Each flow appears here with its last run, its error rate over 24 hours and a 30-day chart of its runs."
        >
          {canManage ? (
            <Button asChild variant="outline">
              <Link href="/flows/new">
                <Plus aria-hidden="true" />
                Create flow
              </Link>
            </Button>
          ) : null}
        </EmptyState>
      ) : (
        // A flex column, not a grid: a grid track would grow to the table's width on a phone.
        <section aria-labelledby="flows-heading" className="flex min-w-0 flex-col gap-3">
          <h2 id="flows-heading" className="sr-only">
            Flows
          </h2>
          <div className="min-w-0 rounded-xl border">
            <HealthTable
              rows={rows.map((r) => ({ ...r, lastRunAt: r.lastRunAt?.toISOString() ?? null }))}
              looks={looks}
              canManage={canManage}
              now={now.toISOString()}
            />
          </div>
          <p className="text-xs text-muted-foreground">
            <strong className="font-medium">Error</strong>: the last finished run failed, a failed run waits for its retry, or
            an alert is open. <strong className="font-medium">Warning</strong>: {WARNING_ERROR_RATE * 100}% or more of the last
            24 hours&apos; runs failed. <strong className="font-medium">Idle</strong>: paused, or nothing finished in 24
            hours. Counts come from an hourly rollup (UTC hours); dry runs are not counted.
          </p>
        </section>
      )}
    </>
  );
}
