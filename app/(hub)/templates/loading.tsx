import { CardGridSkeleton } from "@/components/card-grid-skeleton";

export default function TemplatesLoading() {
  return <CardGridSkeleton label="Loading templates…" cards={6} gridClassName="grid gap-4 md:grid-cols-2 xl:grid-cols-3" />;
}
