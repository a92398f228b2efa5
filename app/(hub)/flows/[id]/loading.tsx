import { BuilderSkeleton } from "@/components/flow-builder/builder-skeleton";

export default function FlowLoading() {
  return <BuilderSkeleton />;
}
