import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { Plus } from "lucide-react";

import { DashboardOverview } from "@/components/dashboard/dashboard-overview";
import { DashboardSkeleton } from "@/components/dashboard/dashboard-skeleton";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { requireSession } from "@/lib/auth/session";
import { roleAtLeast } from "@/lib/auth/types";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const session = await requireSession();
  return (
    <>
      <PageHeader title="Dashboard" description="How your flows and connections are doing, at a glance.">
        {roleAtLeast(session.workspace.role, "member") ? (
          <Button asChild>
            <Link href="/flows/new">
              <Plus aria-hidden="true" />
              Create flow
            </Link>
          </Button>
        ) : null}
      </PageHeader>
      {/* The header shows at once; the numbers stream in behind a skeleton of the same shape. */}
      <Suspense fallback={<DashboardSkeleton />}>
        <DashboardOverview session={session} />
      </Suspense>
    </>
  );
}
