import { CardGridSkeleton } from "@/components/card-grid-skeleton";

export default function ConnectorsLoading() {
  return <CardGridSkeleton label="Loading connectors…" cards={6} gridClassName="grid gap-4 sm:grid-cols-2 xl:grid-cols-3" toolbar />;
}
