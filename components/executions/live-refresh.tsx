"use client";

import { useEffect } from "react";
import { useRouter } from "next/navigation";

// While an execution is not final the page re-renders from the server every few seconds
// (router.refresh keeps client state such as open accordion items). It stops by itself once
// the server renders a final status, because this component then is not rendered at all.

export const LIVE_INTERVAL_MS = 2_000;
// A retrying execution waits minutes for its next attempt; no need to ask every 2 s.
export const RETRYING_INTERVAL_MS = 10_000;

export function LiveRefresh({ status }: { status: string }) {
  const router = useRouter();
  const interval = status === "retrying" ? RETRYING_INTERVAL_MS : LIVE_INTERVAL_MS;
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") router.refresh();
    }, interval);
    return () => clearInterval(timer);
  }, [router, interval]);
  return (
    <p className="flex items-center gap-2 text-xs text-muted-foreground">
      <span aria-hidden="true" className="size-2 animate-pulse rounded-full bg-sky-500" />
      Updating live until it finishes
    </p>
  );
}
