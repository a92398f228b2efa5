import type * as React from "react";
import type { LucideIcon } from "lucide-react";

import { cn } from "@/lib/utils";

/** What a list shows before it has anything in it: what will appear here, and how to get there. */
export function EmptyState({
  icon: Icon,
  title,
  description,
  children,
  className,
}: {
  icon: LucideIcon;
  title: string;
  description: React.ReactNode;
  /** Actions or extra guidance, shown under the description. */
  children?: React.ReactNode;
  className?: string;
}) {
  return (
    <div
      data-slot="empty-state"
      className={cn(
        "flex min-h-72 flex-col items-center justify-center gap-4 rounded-xl border border-dashed px-6 py-12 text-center",
        className,
      )}
    >
      <div className="flex size-12 items-center justify-center rounded-lg bg-muted text-foreground">
        <Icon className="size-6" />
      </div>
      <div className="flex max-w-md flex-col gap-2">
        <h2 className="text-lg font-medium tracking-tight">{title}</h2>
        <p className="text-sm/relaxed text-balance text-muted-foreground">{description}</p>
      </div>
      {children ? (
        <div className="flex w-full max-w-md flex-col items-center gap-3 text-sm">{children}</div>
      ) : null}
    </div>
  );
}
