import { CardGridSkeleton } from "@/components/card-grid-skeleton";

export default function ConnectionsLoading() {
  return <CardGridSkeleton label="Loading connections…" cards={4} />;
}
