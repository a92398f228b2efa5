import { Skeleton } from "@/components/ui/skeleton";

// Section outlines of the settings page's height, so nothing jumps when it arrives.
const SECTIONS = [
  { title: "w-32", body: "h-16" },
  { title: "w-28", body: "h-32" },
  { title: "w-24", body: "h-24" },
  { title: "w-48", body: "h-24" },
  { title: "w-28", body: "h-16" },
  { title: "w-28", body: "h-48" },
];

export default function SettingsLoading() {
  return (
    <div aria-busy="true" className="grid gap-6">
      <span role="status" className="sr-only">
        Loading settings…
      </span>
      <div className="space-y-2">
        <Skeleton className="h-8 w-36" />
        <Skeleton className="h-4 w-96 max-w-full" />
      </div>
      {SECTIONS.map((s, i) => (
        <div key={i} className="grid gap-4 rounded-xl border p-6">
          <div className="grid gap-2">
            <Skeleton className={`h-5 ${s.title}`} />
            <Skeleton className="h-4 w-72 max-w-full" />
          </div>
          <Skeleton className={`${s.body} w-full`} />
        </div>
      ))}
    </div>
  );
}
