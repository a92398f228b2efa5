import { RelativeTime } from "@/components/relative-time";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { INVITE_UNAVAILABLE, type InviteAvailability } from "@/lib/auth/supabase/invite-user";
import type { AuthMode, Role } from "@/lib/auth/types";
import type { MemberRow } from "@/lib/db/queries/workspaces";
import { InviteMemberForm, MemberRoleSelect, RemoveMemberButton } from "./member-controls";

export function memberLabel(m: MemberRow, mode: AuthMode): string {
  if (mode === "local") return "Local owner";
  return m.email ?? `user ${m.userId.slice(0, 8)}`;
}

export function MembersSection({
  members,
  mode,
  currentUserId,
  myRole,
  canManage,
  invites,
}: {
  members: MemberRow[];
  mode: AuthMode;
  currentUserId: string;
  myRole: Role;
  canManage: boolean;
  invites: InviteAvailability;
}) {
  // Admins manage others (not themselves); only owners touch owners.
  const editable = (m: MemberRow) => canManage && m.userId !== currentUserId && (m.role !== "owner" || myRole === "owner");
  return (
    <Card id="members" className="scroll-mt-20">
      <CardHeader>
        <CardTitle>
          <h2>Members</h2>
        </CardTitle>
        <CardDescription>
          Viewers read; members change flows and connections; admins manage members, keys and channels; owners may do all.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <Table aria-label="Members">
          <TableHeader>
            <TableRow>
              <TableHead>Member</TableHead>
              <TableHead>Role</TableHead>
              <TableHead className="hidden sm:table-cell">Joined</TableHead>
              <TableHead className="text-right">
                <span className="sr-only">Actions</span>
              </TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {members.map((m) => {
              const label = memberLabel(m, mode);
              return (
                <TableRow key={m.userId}>
                  <TableCell className="max-w-48 truncate">
                    {label}
                    {m.userId === currentUserId && mode !== "local" ? <span className="text-muted-foreground"> (you)</span> : null}
                  </TableCell>
                  <TableCell>
                    {editable(m) ? (
                      <MemberRoleSelect userId={m.userId} label={label} role={m.role} mine={myRole} />
                    ) : (
                      <Badge variant="secondary" className="capitalize">
                        {m.role}
                      </Badge>
                    )}
                  </TableCell>
                  <TableCell className="hidden sm:table-cell">
                    <RelativeTime date={m.createdAt} />
                  </TableCell>
                  <TableCell className="text-right">{editable(m) ? <RemoveMemberButton userId={m.userId} label={label} /> : null}</TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
        {!canManage ? (
          <p className="text-sm text-muted-foreground">Only admins and owners can invite people and change roles.</p>
        ) : invites === "ready" ? (
          <InviteMemberForm mine={myRole} />
        ) : (
          <p role="note" className="rounded-md bg-muted px-3 py-2 text-sm text-muted-foreground">
            {INVITE_UNAVAILABLE[invites]}
          </p>
        )}
      </CardContent>
    </Card>
  );
}
