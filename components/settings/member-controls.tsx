"use client";

import { useActionState, useTransition } from "react";
import { Send, UserMinus } from "lucide-react";
import { toast } from "sonner";
import { changeMemberRoleAction, inviteMemberAction, removeMemberAction } from "@/app/(hub)/settings/member-actions";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { ROLES, type Role } from "@/lib/auth/types";

/** The roles someone with `mine` may hand out: only owners make owners. */
export function assignableRoles(mine: Role): Role[] {
  return ROLES.filter((r) => r !== "owner" || mine === "owner");
}

export function MemberRoleSelect({ userId, label, role, mine }: { userId: string; label: string; role: Role; mine: Role }) {
  const [pending, startTransition] = useTransition();
  return (
    <Select
      value={role}
      disabled={pending}
      onValueChange={(next) =>
        startTransition(async () => {
          const result = await changeMemberRoleAction(userId, next);
          if (result.ok) toast.success(`${label} is now ${next}.`);
          else toast.error(result.error ?? "Could not change the role.");
        })
      }
    >
      <SelectTrigger aria-label={`Role of ${label}`} size="sm" className="w-28 capitalize">
        <SelectValue />
      </SelectTrigger>
      <SelectContent>
        {assignableRoles(mine).map((r) => (
          <SelectItem key={r} value={r} className="capitalize">
            {r}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}

export function RemoveMemberButton({ userId, label }: { userId: string; label: string }) {
  const [pending, startTransition] = useTransition();
  return (
    <AlertDialog>
      <AlertDialogTrigger asChild>
        <Button variant="outline" size="sm" disabled={pending} aria-label={`Remove ${label}`}>
          <UserMinus aria-hidden="true" />
        </Button>
      </AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>Remove {label}?</AlertDialogTitle>
          <AlertDialogDescription>
            They lose access to this workspace at once, and API keys they created stop working.
          </AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel>Cancel</AlertDialogCancel>
          <AlertDialogAction
            onClick={() =>
              startTransition(async () => {
                const result = await removeMemberAction(userId);
                if (result.ok) toast.success(`Removed ${label}.`);
                else toast.error(result.error ?? "Could not remove the member.");
              })
            }
          >
            Remove member
          </AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}

export function InviteMemberForm({ mine }: { mine: Role }) {
  const [state, action, pending] = useActionState(inviteMemberAction, { ok: false });
  return (
    <form action={action} className="grid gap-2">
      <div className="grid gap-2 sm:grid-cols-[1fr_auto_auto] sm:items-end">
        <div className="grid gap-2">
          <Label htmlFor="invite-email">Invite by email</Label>
          <Input id="invite-email" name="email" type="email" required placeholder="colleague@example.com" aria-invalid={state.field === "email" || undefined} />
        </div>
        <div className="grid gap-2">
          <Label htmlFor="invite-role">Role</Label>
          <Select name="role" defaultValue="member">
            <SelectTrigger id="invite-role" className="w-full capitalize sm:w-32">
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              {assignableRoles(mine).map((r) => (
                <SelectItem key={r} value={r} className="capitalize">
                  {r}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
        </div>
        <Button type="submit" disabled={pending}>
          <Send aria-hidden="true" />
          {pending ? "Sending…" : "Send invitation"}
        </Button>
      </div>
      <p aria-live="polite" className="min-h-5 text-sm">
        {state.error ? (
          <span className="text-destructive">{state.error}</span>
        ) : state.ok ? (
          <span className="text-muted-foreground">Invited {state.email}.</span>
        ) : null}
      </p>
    </form>
  );
}
