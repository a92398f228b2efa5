import { Skeleton } from "@/components/ui/skeleton";
import { StatCardSkeleton } from "./stat-card";

/** The dashboard's shape while its numbers load, so nothing moves when they arrive. */
export function DashboardSkeleton() {
  return (
    <div aria-busy="true" className="grid gap-6">
      <span role="status" className="sr-only">
        Loading the dashboard…
      </span>
      <div className="grid grid-cols-2 gap-4 lg:grid-cols-5">
        {Array.from({ length: 5 }, (_, i) => (
          <StatCardSkeleton key={i} />
        ))}
      </div>
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="grid gap-3 rounded-xl border p-6 lg:col-span-2">
          <Skeleton className="h-5 w-40" />
          {Array.from({ length: 6 }, (_, i) => (
            <Skeleton key={i} className="h-8 w-full" />
          ))}
        </div>
        <div className="grid content-start gap-3 rounded-xl border p-6">
          <Skeleton className="h-5 w-24" />
          {Array.from({ length: 4 }, (_, i) => (
            <Skeleton key={i} className="h-8 w-full" />
          ))}
        </div>
      </div>
    </div>
  );
}
