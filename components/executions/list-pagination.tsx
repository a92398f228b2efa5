import Link from "next/link";
import { ChevronLeft, ChevronRight } from "lucide-react";

import { Button } from "@/components/ui/button";
import { listQueryString, type ListFilters } from "@/lib/executions/filters";

/** "Newer" and "Older" by cursor; there is no page count (it would cost a count over every row). */
export function ListPagination({ filters, newer, older }: { filters: ListFilters; newer: string | null; older: string | null }) {
  if (!newer && !older) return null;
  const link = (label: string, page: { before?: string; after?: string } | null, icon: "left" | "right") => {
    const content = (
      <>
        {icon === "left" ? <ChevronLeft aria-hidden="true" /> : null}
        {label}
        {icon === "right" ? <ChevronRight aria-hidden="true" /> : null}
      </>
    );
    return page ? (
      <Button asChild variant="outline" size="sm">
        <Link href={`/executions${listQueryString(filters, page)}`}>{content}</Link>
      </Button>
    ) : (
      <Button variant="outline" size="sm" disabled>
        {content}
      </Button>
    );
  };
  return (
    <nav aria-label="Pages" className="flex items-center justify-between gap-2">
      {link("Newer", newer ? { after: newer } : null, "left")}
      {link("Older", older ? { before: older } : null, "right")}
    </nav>
  );
}
