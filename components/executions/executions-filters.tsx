"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { ChevronDown, X } from "lucide-react";

import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuCheckboxItem,
  DropdownMenuContent,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { hasFilters, listQueryString, TIME_RANGE_LABELS, TIME_RANGES, type ListFilters, type TimeRange } from "@/lib/executions/filters";

const ALL = "all";

/** The list's filters; each change is a new URL (shareable, and the back button undoes it). */
export function ExecutionsFilters({
  filters,
  flows,
  statuses,
}: {
  filters: ListFilters;
  flows: { id: string; name: string }[];
  statuses: { value: string; label: string }[];
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [range, setRange] = useState<TimeRange | typeof ALL>(filters.range ?? ALL);
  const [from, setFrom] = useState(filters.from ?? "");
  const [to, setTo] = useState(filters.to ?? "");
  const go = (next: ListFilters) => startTransition(() => router.push(`/executions${listQueryString(next)}`));
  const chosen = new Set(filters.status ?? []);
  const statusLabel =
    chosen.size === 0 ? "All statuses" : statuses.filter((s) => chosen.has(s.value)).map((s) => s.label).join(", ");

  const toggleStatus = (value: string, on: boolean) => {
    const next = statuses.map((s) => s.value).filter((s) => (s === value ? on : chosen.has(s)));
    go({ ...filters, status: next });
  };
  const chooseRange = (value: string) => {
    const next = value as TimeRange | typeof ALL;
    setRange(next);
    // A custom range waits for its dates and the Apply button.
    if (next !== "custom") go({ ...filters, range: next === ALL ? undefined : next, from: undefined, to: undefined });
  };

  return (
    <div role="search" aria-label="Filter executions" aria-busy={pending} className="flex flex-col gap-3 sm:flex-row sm:flex-wrap sm:items-end">
      <div className="grid gap-1.5">
        <Label htmlFor="filter-flow">Flow</Label>
        <Select value={filters.flow ?? ALL} onValueChange={(v) => go({ ...filters, flow: v === ALL ? undefined : v })}>
          <SelectTrigger id="filter-flow" aria-label="Flow" className="w-full sm:w-52">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value={ALL}>All flows</SelectItem>
            {flows.map((f) => (
              <SelectItem key={f.id} value={f.id}>
                {f.name}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      </div>
      <div className="grid gap-1.5">
        <span className="text-sm leading-none font-medium" id="filter-status-label">
          Status
        </span>
        <DropdownMenu>
          <DropdownMenuTrigger asChild>
            <Button variant="outline" aria-label={`Status: ${statusLabel}`} className="w-full justify-between font-normal sm:w-52">
              <span className="truncate">{statusLabel}</span>
              <ChevronDown aria-hidden="true" className="opacity-50" />
            </Button>
          </DropdownMenuTrigger>
          <DropdownMenuContent align="start" className="w-52">
            <DropdownMenuLabel>Show executions that are</DropdownMenuLabel>
            <DropdownMenuSeparator />
            {statuses.map((s) => (
              <DropdownMenuCheckboxItem
                key={s.value}
                checked={chosen.has(s.value)}
                onSelect={(event) => event.preventDefault()}
                onCheckedChange={(on) => toggleStatus(s.value, on === true)}
              >
                {s.label}
              </DropdownMenuCheckboxItem>
            ))}
          </DropdownMenuContent>
        </DropdownMenu>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="filter-range">Time</Label>
        <Select value={range} onValueChange={chooseRange}>
          <SelectTrigger id="filter-range" aria-label="Time range" className="w-full sm:w-44">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value={ALL}>{TIME_RANGE_LABELS.any}</SelectItem>
            {TIME_RANGES.map((r) => (
              <SelectItem key={r} value={r}>
                {TIME_RANGE_LABELS[r]}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      </div>
      {range === "custom" ? (
        <form
          className="flex flex-wrap items-end gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            go({ ...filters, range: "custom", from: from || undefined, to: to || undefined });
          }}
        >
          <div className="grid gap-1.5">
            <Label htmlFor="filter-from">From (UTC)</Label>
            <Input id="filter-from" type="date" value={from} max={to || undefined} onChange={(e) => setFrom(e.target.value)} className="w-40" />
          </div>
          <div className="grid gap-1.5">
            <Label htmlFor="filter-to">To (UTC)</Label>
            <Input id="filter-to" type="date" value={to} min={from || undefined} onChange={(e) => setTo(e.target.value)} className="w-40" />
          </div>
          <Button type="submit" variant="secondary" disabled={!from && !to}>
            Apply
          </Button>
        </form>
      ) : null}
      {hasFilters(filters) ? (
        <Button
          variant="ghost"
          onClick={() => {
            setRange(ALL);
            setFrom("");
            setTo("");
            go({});
          }}
        >
          <X aria-hidden="true" />
          Clear filters
        </Button>
      ) : null}
    </div>
  );
}
