import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/utils";

// One look for every status shown in the hub: executions, steps and flow health.

const TONES = {
  good: "border-transparent bg-emerald-100 text-emerald-800 dark:bg-emerald-500/15 dark:text-emerald-300",
  bad: "border-transparent bg-red-100 text-red-800 dark:bg-red-500/15 dark:text-red-300",
  warn: "border-transparent bg-amber-100 text-amber-900 dark:bg-amber-500/15 dark:text-amber-300",
  busy: "border-transparent bg-sky-100 text-sky-800 dark:bg-sky-500/15 dark:text-sky-300",
  quiet: "border-transparent bg-muted text-muted-foreground",
} as const;

export type StatusTone = keyof typeof TONES;

const STATUSES: Record<string, { label: string; tone: StatusTone }> = {
  // executions and steps
  queued: { label: "Queued", tone: "quiet" },
  pending: { label: "Pending", tone: "quiet" },
  running: { label: "Running", tone: "busy" },
  succeeded: { label: "Succeeded", tone: "good" },
  failed: { label: "Failed", tone: "bad" },
  retrying: { label: "Retrying", tone: "warn" },
  cancelled: { label: "Cancelled", tone: "quiet" },
  skipped: { label: "Skipped", tone: "quiet" },
  // flow health
  healthy: { label: "Healthy", tone: "good" },
  warning: { label: "Warning", tone: "warn" },
  error: { label: "Error", tone: "bad" },
  idle: { label: "Idle", tone: "quiet" },
};

export function statusLook(status: string): { label: string; tone: StatusTone; className: string } {
  const known = STATUSES[status] ?? { label: status, tone: "quiet" as const };
  return { ...known, className: TONES[known.tone] };
}

/** A status as a coloured badge with a readable label ("Failed", "Healthy", …). */
export function StatusBadge({ status, className }: { status: string; className?: string }) {
  const look = statusLook(status);
  return (
    <Badge data-status={status} className={cn(look.className, className)}>
      {look.label}
    </Badge>
  );
}
