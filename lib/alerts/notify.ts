import { and, asc, eq, gt, isNotNull, isNull, lt, ne } from "drizzle-orm";
import { alerts, flows } from "@/lib/db/schema";
import type { Db } from "@/lib/db/types";
import { activeChannelRows, openChannel, publicUrl as defaultPublicUrl } from "./channels";
import { checkRecentErrorRates } from "./error-rate";
import { sendToChannel, type AlertMessage, type OpenedChannel, type SendOptions } from "./send";

// Sends alerts to the workspace's channels: once when an alert opens, once when it resolves —
// not once per failure (repeats only add occurrences to the open alert). `last_notified_at`
// is the state: null = the opening was not sent yet; older than `resolved_at` = the
// resolution was not sent yet. Each alert is claimed with a conditional update before
// sending, so two ticks running at once do not send twice. One failing channel does not stop
// the others; it is logged (messages are redacted). When every channel failed, the claim is
// undone and the next tick tries again, for up to RETRY_WINDOW_MS after the event. An alert
// that opened and resolved between two ticks is not announced at all.

export const RETRY_WINDOW_MS = 24 * 3_600_000;
const BATCH = 100;
/** How far back the tick looks for flows whose error rate may have changed. */
export const ERROR_RATE_LOOKBACK_MS = 10 * 60_000;

export interface NotifyOptions {
  now?: Date;
  /** Base of the links in messages; default JUNCTION_PUBLIC_URL, else http://127.0.0.1:3000. */
  publicUrl?: string;
  /** Re-check the error rate of flows that finished executions in the last 10 minutes first (default true). */
  checkErrorRates?: boolean;
  send?: SendOptions;
}

export interface NotifyReport {
  /** Alerts announced (opened or resolved) on at least one channel, or with no channel to send to. */
  notified: number;
  /** Messages delivered, one per alert and channel. */
  sent: number;
  /** Channel deliveries that failed. */
  failed: number;
}

type AlertRow = typeof alerts.$inferSelect & { flowName: string | null };

function linkOf(alert: AlertRow, base: string): string {
  const executionId = (alert.details as { execution_id?: unknown } | null)?.execution_id;
  if (alert.flowId && typeof executionId === "string") return `${base}/flows/${alert.flowId}/executions/${executionId}`;
  if (alert.flowId) return `${base}/flows/${alert.flowId}`;
  if (alert.connectionId) return `${base}/connections/${alert.connectionId}`;
  return `${base}/alerts`;
}

export function alertMessage(alert: AlertRow, event: "alert.opened" | "alert.resolved", base: string, at: Date): AlertMessage {
  return {
    event,
    alertId: alert.id,
    kind: alert.kind,
    title: alert.title,
    flowName: alert.flowName,
    error: alert.message,
    link: linkOf(alert, base),
    occurrences: alert.occurrences,
    at,
  };
}

async function pending(db: Db, now: Date): Promise<{ alert: AlertRow; event: "alert.opened" | "alert.resolved" }[]> {
  const since = new Date(now.getTime() - RETRY_WINDOW_MS);
  const columns = { alert: alerts, flowName: flows.name };
  const toOpen = await db
    .select(columns)
    .from(alerts)
    .leftJoin(flows, eq(flows.id, alerts.flowId))
    .where(and(ne(alerts.status, "resolved"), isNull(alerts.lastNotifiedAt), gt(alerts.openedAt, since)))
    .orderBy(asc(alerts.openedAt))
    .limit(BATCH);
  const toResolve = await db
    .select(columns)
    .from(alerts)
    .leftJoin(flows, eq(flows.id, alerts.flowId))
    .where(
      and(
        eq(alerts.status, "resolved"),
        isNotNull(alerts.lastNotifiedAt),
        lt(alerts.lastNotifiedAt, alerts.resolvedAt),
        gt(alerts.resolvedAt, since),
      ),
    )
    .orderBy(asc(alerts.resolvedAt))
    .limit(BATCH);
  return [
    ...toOpen.map((r) => ({ alert: { ...r.alert, flowName: r.flowName }, event: "alert.opened" as const })),
    ...toResolve.map((r) => ({ alert: { ...r.alert, flowName: r.flowName }, event: "alert.resolved" as const })),
  ];
}

/** Takes the alert for this run; false when another run already did (or it changed since). */
async function claim(db: Db, alert: AlertRow, stamp: Date): Promise<boolean> {
  const previous = alert.lastNotifiedAt;
  const rows = await db
    .update(alerts)
    .set({ lastNotifiedAt: stamp })
    .where(and(eq(alerts.id, alert.id), previous ? eq(alerts.lastNotifiedAt, previous) : isNull(alerts.lastNotifiedAt)))
    .returning({ id: alerts.id });
  return rows.length > 0;
}

async function unclaim(db: Db, alert: AlertRow, stamp: Date): Promise<void> {
  await db
    .update(alerts)
    .set({ lastNotifiedAt: alert.lastNotifiedAt })
    .where(and(eq(alerts.id, alert.id), eq(alerts.lastNotifiedAt, stamp)));
}

/**
 * Announces new and newly resolved alerts on every active channel of their workspace.
 * System scope (no RLS): call it from the tick with the system database.
 */
export async function notifyOpenAlerts(db: Db, options: NotifyOptions = {}): Promise<NotifyReport> {
  const now = options.now ?? new Date();
  const base = (options.publicUrl ?? defaultPublicUrl()).replace(/\/+$/, "");
  const report: NotifyReport = { notified: 0, sent: 0, failed: 0 };

  if (options.checkErrorRates ?? true) {
    try {
      await checkRecentErrorRates(db, new Date(now.getTime() - ERROR_RATE_LOOKBACK_MS), now);
    } catch (error) {
      console.error("[alerts] error-rate check failed:", error instanceof Error ? error.message.slice(0, 200) : "unknown");
    }
  }

  const channelsOf = new Map<string, Promise<{ channel: OpenedChannel | null; id: string; kind: string }[]>>();
  const loadChannels = (workspaceId: string) => {
    let loaded = channelsOf.get(workspaceId);
    if (!loaded) {
      loaded = activeChannelRows(db, workspaceId).then((rows) =>
        Promise.all(
          rows.map(async (row) => {
            try {
              return { channel: await openChannel(row), id: row.id, kind: row.kind };
            } catch (error) {
              console.error(`[alerts] notification channel ${row.id} cannot be opened:`, error instanceof Error ? error.name : "unknown");
              return { channel: null, id: row.id, kind: row.kind };
            }
          }),
        ),
      );
      channelsOf.set(workspaceId, loaded);
    }
    return loaded;
  };

  for (const { alert, event } of await pending(db, now)) {
    // The resolution stamp must not be older than resolved_at, or the next tick would send again.
    const stamp = event === "alert.resolved" && alert.resolvedAt && alert.resolvedAt > now ? alert.resolvedAt : now;
    if (!(await claim(db, alert, stamp))) continue;
    const channels = await loadChannels(alert.workspaceId);
    const message = alertMessage(alert, event, base, now);
    const results = await Promise.all(
      channels.map(async ({ channel, id, kind }) => {
        if (!channel) return false;
        try {
          await sendToChannel(channel, message, options.send);
          return true;
        } catch (error) {
          console.warn(
            `[alerts] ${event} of alert ${alert.id} not delivered to channel ${id} (${kind}):`,
            error instanceof Error ? error.message.slice(0, 300) : "unknown",
          );
          return false;
        }
      }),
    );
    const ok = results.filter(Boolean).length;
    report.sent += ok;
    report.failed += results.length - ok;
    if (results.length > 0 && ok === 0) await unclaim(db, alert, stamp);
    else report.notified++;
  }
  return report;
}
