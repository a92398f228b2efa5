import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/page-header";
import { ApiKeysSection } from "@/components/settings/api-keys-section";
import { WorkspaceSection } from "@/components/settings/workspace-section";
import { requireSession } from "@/lib/auth/session";
import { roleAtLeast } from "@/lib/auth/types";
import { listApiKeys } from "@/lib/db/queries/api-keys";
import { listMembers } from "@/lib/db/queries/workspaces";
import { withUser } from "@/lib/db/scope";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const session = await requireSession();
  const isAdmin = roleAtLeast(session.workspace.role, "admin");
  const { keys, members } = await withUser({ userId: session.user.id, email: session.user.email }, async (tx) => ({
    keys: isAdmin ? await listApiKeys(tx, session.workspace.id) : [],
    members: await listMembers(tx, session.workspace.id),
  }));
  return (
    <div className="grid gap-6">
      <PageHeader title="Settings" description="The workspace, its members and the API keys that act on it." />
      <WorkspaceSection
        name={session.workspace.name}
        members={members}
        canManage={isAdmin}
        mode={session.mode}
        currentUserId={session.user.id}
      />
      <ApiKeysSection keys={keys} canManage={isAdmin} />
    </div>
  );
}
