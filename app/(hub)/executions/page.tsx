import type { Metadata } from "next";
import Link from "next/link";
import { History, SearchX, TriangleAlert } from "lucide-react";

import { EmptyState } from "@/components/empty-state";
import { ExecutionsFilters } from "@/components/executions/executions-filters";
import { ExecutionsTable } from "@/components/executions/executions-table";
import { ListPagination } from "@/components/executions/list-pagination";
import { PageHeader } from "@/components/shell/page-header";
import { statusLook } from "@/components/status-badge";
import { Button } from "@/components/ui/button";
import { requireSession } from "@/lib/auth/session";
import { executionStatuses } from "@/lib/db/schema/executions";
import { withUser } from "@/lib/db/scope";
import { hasFilters, listQueryString } from "@/lib/executions/filters";
import { listExecutionPage, listFlowNames } from "@/lib/executions/list-page";
import { parseListParams } from "@/lib/executions/list-params";

export const metadata: Metadata = { title: "Executions" };

const DESCRIPTION = "Every run of every flow, newest first, with its status, retries and step logs.";

export default async function ExecutionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const session = await requireSession();
  const parsed = parseListParams(await searchParams);
  if (!parsed.ok) {
    return (
      <>
        <PageHeader title="Executions" description={DESCRIPTION} />
        <div role="alert" className="grid gap-3 rounded-xl border border-amber-300 bg-amber-50 p-4 text-amber-950 dark:border-amber-500/40 dark:bg-amber-500/10 dark:text-amber-100">
          <p className="flex items-center gap-2 font-medium">
            <TriangleAlert aria-hidden="true" className="size-4" />
            This link has filters the list cannot read
          </p>
          <ul className="list-disc pl-6 text-sm">
            {parsed.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
          <Button asChild variant="outline" className="w-fit">
            <Link href="/executions">Show all executions</Link>
          </Button>
        </div>
      </>
    );
  }

  const { params } = parsed;
  const now = new Date();
  const { page, flows } = await withUser({ userId: session.user.id, email: session.user.email }, async (tx) => ({
    flows: await listFlowNames(tx, session.workspace.id),
    page: await listExecutionPage(tx, session.workspace.id, params, now),
  }));
  const filters = { flow: params.flow, status: params.status, range: params.range, from: params.from, to: params.to };
  const statuses = executionStatuses.map((value) => ({ value, label: statusLook(value).label }));
  const filtered = hasFilters(filters);
  const paged = Boolean(params.before || params.after);

  if (page.rows.length === 0 && !filtered && !paged) {
    return (
      <>
        <PageHeader title="Executions" description={DESCRIPTION} />
        <EmptyState
          icon={History}
          title="No executions yet"
          description="Each run of a flow appears here as it is queued, runs, retries, succeeds or fails, with the input, output and error of every step. Run a flow, or send an event to its webhook, to see the first one."
        >
          <Button asChild variant="outline">
            <Link href="/flows">Go to flows</Link>
          </Button>
        </EmptyState>
      </>
    );
  }

  return (
    <>
      <PageHeader title="Executions" description={DESCRIPTION} />
      <ExecutionsFilters key={listQueryString(filters)} filters={filters} flows={flows} statuses={statuses} />
      {page.rows.length === 0 ? (
        <EmptyState
          icon={SearchX}
          title="No executions match"
          description={paged ? "There are no more executions on this side of the list." : "No execution matches these filters. Widen the time range or clear the filters."}
        >
          <Button asChild variant="outline">
            <Link href={paged ? `/executions${listQueryString(filters)}` : "/executions"}>{paged ? "Back to the newest" : "Clear filters"}</Link>
          </Button>
        </EmptyState>
      ) : (
        <>
          <ExecutionsTable rows={page.rows} flowNames={new Map(flows.map((f) => [f.id, f.name]))} now={now} />
          <ListPagination filters={filters} newer={page.newerCursor} older={page.olderCursor} />
        </>
      )}
    </>
  );
}
