"use client";

import { useTransition } from "react";
import { Building2, ChevronsUpDown, LoaderCircle } from "lucide-react";
import { toast } from "sonner";

import { switchWorkspace } from "@/app/(hub)/actions";
import type { WorkspaceSummary } from "@/lib/auth/types";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";

export function WorkspaceSwitcher({
  current,
  workspaces,
}: {
  current: WorkspaceSummary;
  workspaces: WorkspaceSummary[];
}) {
  const [pending, startTransition] = useTransition();

  function choose(workspaceId: string) {
    if (workspaceId === current.id) return;
    const target = workspaces.find((w) => w.id === workspaceId);
    startTransition(async () => {
      try {
        // The action sets the workspace cookie and revalidates, so the layout re-renders with
        // the new session; nothing to refresh here.
        const result = await switchWorkspace(workspaceId);
        if (result.ok) toast.success(`Switched to ${target?.name ?? "the workspace"}`);
        else toast.error(result.error ?? "Could not switch workspace.");
      } catch {
        toast.error("Could not reach the server to switch workspace. Try again.");
      }
    });
  }

  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button
          variant="outline"
          size="sm"
          aria-label="Switch workspace"
          title={`Workspace: ${current.name}`}
          disabled={pending}
          className="max-w-full min-w-0 shrink justify-start sm:max-w-64"
        >
          <Building2 className="text-muted-foreground" />
          <span className="truncate">{current.name}</span>
          {pending ? (
            <LoaderCircle className="ml-auto animate-spin text-muted-foreground" />
          ) : (
            <ChevronsUpDown className="ml-auto text-muted-foreground" />
          )}
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start" className="w-64">
        <DropdownMenuLabel className="text-xs text-muted-foreground">Workspaces</DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuRadioGroup value={current.id} onValueChange={choose}>
          {workspaces.map((workspace) => (
            <DropdownMenuRadioItem key={workspace.id} value={workspace.id} disabled={pending}>
              <span className="min-w-0 flex-1 truncate">{workspace.name}</span>
              <span className="text-xs text-muted-foreground capitalize">{workspace.role}</span>
            </DropdownMenuRadioItem>
          ))}
        </DropdownMenuRadioGroup>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
