import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/page-header";
import { ApiKeysSection } from "@/components/settings/api-keys-section";
import { AuditLogSection } from "@/components/settings/audit-log-section";
import { MembersSection } from "@/components/settings/members-section";
import { NotificationChannelsSection } from "@/components/settings/notification-channels-section";
import { RetentionSection } from "@/components/settings/retention-section";
import { WorkspaceSection } from "@/components/settings/workspace-section";
import { presentChannel } from "@/lib/alerts/channels";
import { listAuditEvents } from "@/lib/audit/list-audit";
import { requireSession } from "@/lib/auth/session";
import { inviteAvailability } from "@/lib/auth/supabase/invite-user";
import { roleAtLeast } from "@/lib/auth/types";
import { listApiKeys } from "@/lib/db/queries/api-keys";
import { getWorkspace, listMembers } from "@/lib/db/queries/workspaces";
import { notificationChannels } from "@/lib/db/schema";
import { withUser } from "@/lib/db/scope";
import { asc, eq } from "drizzle-orm";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const session = await requireSession();
  const role = session.workspace.role;
  const isAdmin = roleAtLeast(role, "admin");
  const isMember = roleAtLeast(role, "member");
  const before = (await searchParams).audit_before;
  const auditBefore = typeof before === "string" ? before : null;
  const workspaceId = session.workspace.id;

  // One transaction as the user: RLS decides what each role reads (keys: admins; channels and the audit log: members).
  const data = await withUser({ userId: session.user.id, email: session.user.email }, async (tx) => ({
    workspace: await getWorkspace(tx, workspaceId),
    keys: isAdmin ? await listApiKeys(tx, workspaceId) : [],
    members: await listMembers(tx, workspaceId),
    channels: isMember
      ? await tx.select().from(notificationChannels).where(eq(notificationChannels.workspaceId, workspaceId)).orderBy(asc(notificationChannels.createdAt))
      : [],
    audit: isMember ? await listAuditEvents(tx, workspaceId, { before: auditBefore }) : { events: [], nextCursor: null },
  }));

  return (
    // minmax(0, 1fr): a wide table scrolls inside its card instead of widening the page on a phone.
    <div className="grid grid-cols-[minmax(0,1fr)] gap-6">
      <PageHeader
        title="Settings"
        description="The workspace, its members, API keys, where alerts go, how long runs are kept, and who changed what."
      />
      <WorkspaceSection name={session.workspace.name} canManage={isAdmin} />
      <MembersSection
        members={data.members}
        mode={session.mode}
        currentUserId={session.user.id}
        myRole={role}
        canManage={isAdmin}
        invites={inviteAvailability()}
      />
      <ApiKeysSection keys={data.keys} canManage={isAdmin} />
      <NotificationChannelsSection channels={data.channels.map(presentChannel)} canRead={isMember} canManage={isAdmin} />
      <RetentionSection days={data.workspace?.retentionDays ?? 30} canManage={isAdmin} />
      <AuditLogSection page={data.audit} canRead={isMember} paged={Boolean(auditBefore)} />
    </div>
  );
}
