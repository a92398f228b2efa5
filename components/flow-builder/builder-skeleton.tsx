import { Skeleton } from "@/components/ui/skeleton";

/** The builder's shape while its page loads: toolbar, tabs, canvas. */
export function BuilderSkeleton() {
  return (
    <div aria-busy="true" className="grid gap-4">
      <span role="status" className="sr-only">
        Loading the flow builder…
      </span>
      <div className="flex flex-col gap-3 lg:flex-row lg:items-center lg:justify-between">
        <Skeleton className="h-10 w-full max-w-md" />
        <div className="flex flex-wrap gap-2">
          <Skeleton className="h-9 w-20" />
          <Skeleton className="h-9 w-24" />
          <Skeleton className="h-9 w-20" />
          <Skeleton className="h-9 w-36" />
        </div>
      </div>
      <Skeleton className="h-9 w-40" />
      <Skeleton className="h-[65svh] min-h-[420px] w-full rounded-lg" />
    </div>
  );
}
