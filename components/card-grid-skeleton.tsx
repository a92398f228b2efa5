import { Skeleton } from "@/components/ui/skeleton";
import { cn } from "@/lib/utils";

/**
 * The loading state of a page of cards (connectors, connections, templates): the header with
 * its action, an optional search row, and a grid of card outlines the size of the real ones,
 * so nothing shifts when the page arrives.
 */
export function CardGridSkeleton({
  label,
  cards,
  gridClassName = "grid gap-4 md:grid-cols-2",
  toolbar = false,
}: {
  /** Read to screen readers: "Loading connections…". */
  label: string;
  cards: number;
  gridClassName?: string;
  toolbar?: boolean;
}) {
  return (
    <div aria-busy="true" className="grid gap-6">
      <span role="status" className="sr-only">
        {label}
      </span>
      <div className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
        <div className="space-y-2">
          <Skeleton className="h-8 w-44" />
          <Skeleton className="h-4 w-80 max-w-full" />
        </div>
        <Skeleton className="h-9 w-44" />
      </div>
      {toolbar ? (
        <div className="flex flex-col gap-3 sm:flex-row">
          <Skeleton className="h-9 flex-1" />
          <Skeleton className="h-9 w-full sm:w-52" />
        </div>
      ) : null}
      <div className={cn(gridClassName)}>
        {Array.from({ length: cards }, (_, i) => (
          <div key={i} className="grid gap-4 rounded-xl border p-6">
            <div className="flex items-center gap-3">
              <Skeleton className="size-10 rounded-lg" />
              <div className="grid flex-1 gap-2">
                <Skeleton className="h-4 w-32" />
                <Skeleton className="h-3 w-24" />
              </div>
            </div>
            <Skeleton className="h-14 w-full" />
            <div className="flex gap-2">
              <Skeleton className="h-8 w-28" />
              <Skeleton className="h-8 w-20" />
            </div>
          </div>
        ))}
      </div>
    </div>
  );
}
