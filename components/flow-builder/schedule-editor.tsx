"use client";

import { useEffect, useState } from "react";
import { schedulePreviewAction } from "@/app/(hub)/flows/actions";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { SchedulePreview } from "@/lib/flows/builder/schedule-preview";

const ZONES: string[] = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : ["UTC"];

/** Cron and time zone, with the schedule in words and its next five runs (from the server). */
export function ScheduleEditor({
  cron,
  timezone,
  flowId,
  disabled,
  onChange,
}: {
  cron: string;
  timezone: string;
  flowId: string | null;
  disabled: boolean;
  onChange: (cron: string, timezone: string) => void;
}) {
  const [preview, setPreview] = useState<SchedulePreview | null>(null);
  useEffect(() => {
    let live = true;
    const timer = setTimeout(async () => {
      const next = await schedulePreviewAction(cron, timezone, flowId);
      if (live) setPreview(next);
    }, 300);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [cron, timezone, flowId]);
  const format = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: ZONES.includes(timezone) ? timezone : "UTC" });
  return (
    <div className="grid gap-3">
      <div className="grid gap-1.5">
        <Label htmlFor="schedule-cron">Cron expression</Label>
        <Input id="schedule-cron" value={cron} disabled={disabled} className="font-mono" placeholder="0 9 * * 1-5" onChange={(e) => onChange(e.target.value, timezone)} />
        <p className="text-xs text-muted-foreground">Five fields: minute, hour, day of month, month, day of week.</p>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="schedule-timezone">Time zone</Label>
        <Input id="schedule-timezone" list="schedule-timezones" value={timezone} disabled={disabled} onChange={(e) => onChange(cron, e.target.value)} />
        <datalist id="schedule-timezones">
          {ZONES.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
      </div>
      <div role="status" aria-live="polite" className="min-h-28 rounded-md border bg-muted/30 p-3 text-sm">
        {!preview ? (
          <p className="text-muted-foreground">Working out the next runs…</p>
        ) : !preview.ok ? (
          <p className="text-destructive">{preview.error}</p>
        ) : (
          <>
            <p className="font-medium">{preview.description}</p>
            {preview.offset ? <p className="text-xs text-muted-foreground">It {preview.offset}.</p> : null}
            <p className="mt-2 text-xs text-muted-foreground">Next runs ({timezone}):</p>
            <ol aria-label="Next runs" className="text-xs">
              {preview.runs?.map((r) => (
                <li key={r}>
                  <time dateTime={r} title={new Date(r).toUTCString()}>
                    {format.format(new Date(r))}
                  </time>
                </li>
              ))}
            </ol>
          </>
        )}
      </div>
    </div>
  );
}
