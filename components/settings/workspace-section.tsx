import { RelativeTime } from "@/components/relative-time";
import { Badge } from "@/components/ui/badge";
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { AuthMode } from "@/lib/auth/types";
import type { MemberRow } from "@/lib/db/queries/workspaces";
import { CreateWorkspaceDialog } from "./create-workspace-dialog";
import { RenameWorkspaceForm } from "./rename-workspace-form";

export function WorkspaceSection({
  name,
  members,
  canManage,
  mode,
  currentUserId,
}: {
  name: string;
  members: MemberRow[];
  canManage: boolean;
  mode: AuthMode;
  currentUserId: string;
}) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2>Workspace</h2>
        </CardTitle>
        <CardDescription>
          Connections, flows and runs belong to a workspace; its members see only its data.
        </CardDescription>
        <CardAction>
          <CreateWorkspaceDialog />
        </CardAction>
      </CardHeader>
      <CardContent className="grid gap-6">
        <RenameWorkspaceForm name={name} canManage={canManage} />
        <div className="grid gap-2">
          <h3 className="text-sm font-medium">Members</h3>
          <Table aria-label="Members">
            <TableHeader>
              <TableRow>
                <TableHead>Member</TableHead>
                <TableHead>Role</TableHead>
                <TableHead>Joined</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {members.map((m) => (
                <TableRow key={m.userId}>
                  <TableCell>
                    {mode === "local" ? "Local owner" : (m.email ?? m.userId)}
                    {m.userId === currentUserId && mode !== "local" ? (
                      <span className="text-muted-foreground"> (you)</span>
                    ) : null}
                  </TableCell>
                  <TableCell>
                    <Badge variant="secondary" className="capitalize">
                      {m.role}
                    </Badge>
                  </TableCell>
                  <TableCell>
                    <RelativeTime date={m.createdAt} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <p className="text-xs text-muted-foreground">
            {mode === "local"
              ? "Local mode has a single owner. Configure Supabase Auth to let several people sign in and share workspaces."
              : "Inviting members by email arrives with the settings release; until then, members are added in the database."}
          </p>
        </div>
      </CardContent>
    </Card>
  );
}
