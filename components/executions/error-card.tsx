import { CircleX } from "lucide-react";

import { cn } from "@/lib/utils";

/** A failure, in red: what went wrong, as the engine recorded it (already redacted). */
export function ErrorCard({ title, message, className }: { title: string; message: string; className?: string }) {
  return (
    <section
      aria-label={title}
      className={cn(
        "flex gap-3 rounded-lg border border-red-300 bg-red-50 p-4 text-red-900 dark:border-red-500/40 dark:bg-red-500/10 dark:text-red-200",
        className,
      )}
    >
      <CircleX aria-hidden="true" className="mt-0.5 size-5 shrink-0" />
      <div className="min-w-0 space-y-1">
        <h3 className="text-sm font-medium">{title}</h3>
        <p className="font-mono text-xs break-words whitespace-pre-wrap">{message}</p>
      </div>
    </section>
  );
}
