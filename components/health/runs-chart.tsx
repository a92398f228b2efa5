"use client";

import { Area, AreaChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { DailyPoint } from "@/lib/insights/daily-series";

const dayLabel = (day: string) =>
  new Date(`${day}T00:00:00Z`).toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" });

/** Daily runs and errors over 30 days (UTC days); the summary in its label is what a screen reader gets. */
export function RunsChart({ days }: { days: DailyPoint[] }) {
  const runs = days.reduce((n, d) => n + d.runs, 0);
  const errors = days.reduce((n, d) => n + d.errors, 0);
  return (
    <figure className="grid gap-2">
      <div role="img" aria-label={`Runs and errors per day over ${days.length} days: ${runs} runs, ${errors} errors`} className="h-48 w-full">
        <ResponsiveContainer width="100%" height="100%">
          <AreaChart data={days} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
            <CartesianGrid vertical={false} strokeDasharray="3 3" className="stroke-border" />
            <XAxis dataKey="day" tickFormatter={dayLabel} tickLine={false} axisLine={false} minTickGap={24} fontSize={11} />
            <YAxis allowDecimals={false} tickLine={false} axisLine={false} width={40} fontSize={11} />
            <Tooltip
              labelFormatter={(label) => dayLabel(String(label))}
              contentStyle={{ fontSize: 12, borderRadius: 8, background: "var(--popover)", color: "var(--popover-foreground)", border: "1px solid var(--border)" }}
            />
            <Area type="monotone" dataKey="runs" name="Runs" stroke="var(--chart-2)" fill="var(--chart-2)" fillOpacity={0.25} strokeWidth={2} isAnimationActive={false} />
            <Area type="monotone" dataKey="errors" name="Errors" stroke="var(--destructive)" fill="var(--destructive)" fillOpacity={0.3} strokeWidth={2} isAnimationActive={false} />
          </AreaChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="flex flex-wrap items-center gap-4 text-xs text-muted-foreground">
        <span className="inline-flex items-center gap-1.5">
          <span aria-hidden="true" className="size-2.5 rounded-sm bg-chart-2" /> Runs ({runs})
        </span>
        <span className="inline-flex items-center gap-1.5">
          <span aria-hidden="true" className="size-2.5 rounded-sm bg-destructive" /> Errors ({errors})
        </span>
        <span>per day, last {days.length} days (UTC)</span>
      </figcaption>
    </figure>
  );
}
