// The executions list's filters as they appear in the URL, shared by the page (server) and the
// filter bar (browser): no server-only imports here.

export const TIME_RANGES = ["1h", "24h", "7d", "30d", "custom"] as const;
export type TimeRange = (typeof TIME_RANGES)[number];

export const TIME_RANGE_LABELS: Record<TimeRange | "any", string> = {
  any: "Any time",
  "1h": "Last hour",
  "24h": "Last 24 hours",
  "7d": "Last 7 days",
  "30d": "Last 30 days",
  custom: "Custom range",
};

export interface ListFilters {
  flow?: string;
  status?: string[];
  range?: TimeRange;
  /** YYYY-MM-DD (UTC), only with range "custom" */
  from?: string;
  to?: string;
}

/** The URL query for filters and optionally a page: "" or "?flow=…&status=failed,retrying". */
export function listQueryString(filters: ListFilters, page?: { before?: string; after?: string }): string {
  const search = new URLSearchParams();
  if (filters.flow) search.set("flow", filters.flow);
  if (filters.status?.length) search.set("status", filters.status.join(","));
  if (filters.range) search.set("range", filters.range);
  if (filters.range === "custom" && filters.from) search.set("from", filters.from);
  if (filters.range === "custom" && filters.to) search.set("to", filters.to);
  if (page?.before) search.set("before", page.before);
  else if (page?.after) search.set("after", page.after);
  const text = search.toString();
  return text ? `?${text}` : "";
}

export function hasFilters(filters: ListFilters): boolean {
  return Boolean(filters.flow || filters.status?.length || filters.range);
}
