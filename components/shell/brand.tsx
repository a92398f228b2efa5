import { Waypoints } from "lucide-react";

import { cn } from "@/lib/utils";

/** The Junction mark and name; a plain element so callers decide whether it links anywhere. */
export function Brand({ className }: { className?: string }) {
  return (
    <span className={cn("flex items-center gap-2 font-semibold tracking-tight", className)}>
      <span className="flex size-7 items-center justify-center rounded-md bg-primary text-primary-foreground">
        <Waypoints className="size-4" />
      </span>
      Junction
    </span>
  );
}
