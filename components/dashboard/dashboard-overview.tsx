import Link from "next/link";
import { Activity, Cable, Gauge, Timer, Workflow } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, CardAction, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { actorOf, roleAtLeast, type Session } from "@/lib/auth/types";
import { withUser } from "@/lib/db/scope";
import { listFlows } from "@/lib/flows/flow-store";
import { formatDuration, formatPercent } from "@/lib/insights/format";
import { onboardingComplete, onboardingFacts, onboardingSteps } from "@/lib/insights/onboarding";
import { recentExecutions } from "@/lib/insights/recent-executions";
import { UNFINISHED_CAP, executionsToday, workspaceStats } from "@/lib/insights/workspace-stats";
import { FlowsToggleList } from "./flows-card";
import { OnboardingChecklist } from "./onboarding-checklist";
import { RecentExecutionsTable } from "./recent-executions-table";
import { StatCard } from "./stat-card";

const FLOWS_SHOWN = 6;
const count = (n: number) => n.toLocaleString("en-US");

/** Everything on the dashboard below its header; streamed in behind DashboardSkeleton. */
export async function DashboardOverview({ session }: { session: Session }) {
  const workspaceId = session.workspace.id;
  const canManage = roleAtLeast(session.workspace.role, "member");
  const now = new Date();
  const { stats, recent, facts } = await withUser({ userId: session.user.id, email: session.user.email }, async (tx) => {
    const stats = await workspaceStats(tx, workspaceId, now);
    const recent = await recentExecutions(tx, workspaceId);
    const facts = await onboardingFacts(tx, workspaceId, stats);
    return { stats, recent, facts };
  });
  const flows = (await listFlows(actorOf(session)))
    .sort((a, b) => Number(b.isActive) - Number(a.isActive))
    .slice(0, FLOWS_SHOWN)
    .map((f) => ({ id: f.id, name: f.name, active: f.isActive, pausedReason: f.pausedReason }));
  const steps = onboardingSteps(facts);
  const finished = stats.succeeded24h + stats.failed24h;
  const unfinished = stats.unfinished > UNFINISHED_CAP ? `${count(UNFINISHED_CAP)}+` : count(stats.unfinished);

  return (
    <>
      {onboardingComplete(steps) ? null : <OnboardingChecklist steps={steps} canManage={canManage} />}
      <section aria-label="Summary" className="grid grid-cols-2 gap-4 lg:grid-cols-5">
        <StatCard icon={Workflow} label="Active flows" value={count(stats.activeFlows)} hint={`of ${count(stats.flows)} flows`} />
        <StatCard
          icon={Cable}
          label="Connected services"
          value={count(stats.connectedServices)}
          hint={`${count(stats.activeConnections)} active connection${stats.activeConnections === 1 ? "" : "s"}`}
        />
        <StatCard icon={Activity} label="Executions today" value={count(executionsToday(stats))} hint={`last 24 h · ${unfinished} under way`} />
        <StatCard
          icon={Gauge}
          label="Failure rate"
          value={formatPercent(stats.failureRate)}
          hint={finished ? `${count(stats.failed24h)} of ${count(finished)} failed, 24 h` : "no finished runs in 24 h"}
        />
        <StatCard icon={Timer} label="Average duration" value={formatDuration(stats.averageDurationMs)} hint="finished runs, 24 h" />
      </section>
      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="min-w-0 lg:col-span-2">
          <CardHeader>
            <CardTitle>
              <h2>Recent executions</h2>
            </CardTitle>
            <CardAction>
              <Button asChild variant="ghost" size="sm">
                <Link href="/executions">All executions</Link>
              </Button>
            </CardAction>
          </CardHeader>
          <CardContent>
            <RecentExecutionsTable executions={recent} now={now} />
          </CardContent>
        </Card>
        <Card className="min-w-0">
          <CardHeader>
            <CardTitle>
              <h2>Flows</h2>
            </CardTitle>
            <CardAction>
              <Button asChild variant="ghost" size="sm">
                <Link href="/flows">All flows</Link>
              </Button>
            </CardAction>
          </CardHeader>
          <CardContent>
            <FlowsToggleList flows={flows} canManage={canManage} />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
