import type { ConnectionResponse } from "@/lib/connections/present";

// How a connection's status reads and looks, and the order the list shows connections in.

export type ConnectionStatus = ConnectionResponse["status"];

const STATUS: Record<ConnectionStatus, { label: string; className: string }> = {
  active: {
    label: "Active",
    className: "border-transparent bg-emerald-100 text-emerald-800 dark:bg-emerald-500/15 dark:text-emerald-300",
  },
  invalid: {
    label: "Invalid",
    className: "border-transparent bg-red-100 text-red-800 dark:bg-red-500/15 dark:text-red-300",
  },
  expired: {
    label: "Expired",
    className: "border-transparent bg-amber-100 text-amber-900 dark:bg-amber-500/15 dark:text-amber-300",
  },
  revoked: {
    label: "Revoked",
    className: "border-transparent bg-muted text-muted-foreground",
  },
};

export function statusPresentation(status: ConnectionStatus): { label: string; className: string } {
  return STATUS[status];
}

const RANK: Record<ConnectionStatus, number> = { invalid: 0, expired: 0, active: 1, revoked: 2 };

/** Ones that need attention first, revoked ones last; newest first within each group. */
export function sortConnections<T extends { status: ConnectionStatus; created_at: string }>(list: readonly T[]): T[] {
  return [...list].sort((a, b) => RANK[a.status] - RANK[b.status] || b.created_at.localeCompare(a.created_at));
}
