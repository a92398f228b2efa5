import { Activity, Gauge, Timer, Workflow } from "lucide-react";
import { StatCard } from "@/components/dashboard/stat-card";
import { formatDuration, formatPercent } from "@/lib/insights/format";
import { UNFINISHED_CAP, executionsToday, type WorkspaceStats } from "@/lib/insights/workspace-stats";

const count = (n: number) => n.toLocaleString("en-US");

/** The health page's four numbers, over the last 24 hours. */
export function HealthSummary({ stats }: { stats: WorkspaceStats }) {
  const finished = stats.succeeded24h + stats.failed24h;
  const unfinished = stats.unfinished > UNFINISHED_CAP ? `${count(UNFINISHED_CAP)}+` : count(stats.unfinished);
  return (
    <section aria-label="Summary" className="grid grid-cols-2 gap-4 lg:grid-cols-4">
      <StatCard icon={Workflow} label="Active integrations" value={count(stats.activeFlows)} hint={`of ${count(stats.flows)} flows`} />
      <StatCard icon={Activity} label="Executions today" value={count(executionsToday(stats))} hint={`last 24 h · ${unfinished} under way`} />
      <StatCard
        icon={Gauge}
        label="Error rate"
        value={formatPercent(stats.failureRate)}
        hint={finished ? `${count(stats.failed24h)} of ${count(finished)} failed, 24 h` : "no finished runs in 24 h"}
      />
      <StatCard icon={Timer} label="Average duration" value={formatDuration(stats.averageDurationMs)} hint="finished runs, 24 h" />
    </section>
  );
}
