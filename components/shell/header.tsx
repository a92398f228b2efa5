import type { Session } from "@/lib/auth/types";
import { LocalModeBadge } from "@/components/shell/local-mode-badge";
import { MobileNav } from "@/components/shell/mobile-nav";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { ThemeToggle } from "@/components/shell/theme-toggle";
import { WorkspaceSwitcher } from "@/components/shell/workspace-switcher";

/** How the header names the person signed in; the local owner has no email address. */
export function userLabel(session: Session): string {
  if (session.user.email) return session.user.email;
  return session.mode === "local" ? "Local owner" : "Signed-in user";
}

export function Header({ session }: { session: Session }) {
  const label = userLabel(session);

  return (
    <header className="sticky top-0 z-40 flex h-14 shrink-0 items-center gap-2 border-b bg-background/95 px-4 backdrop-blur supports-[backdrop-filter]:bg-background/80 md:px-6">
      <MobileNav userLabel={label} />
      <div className="flex min-w-0 flex-1 items-center gap-2">
        <WorkspaceSwitcher current={session.workspace} workspaces={session.workspaces} />
        {session.mode === "local" && <LocalModeBadge />}
      </div>
      <div className="flex shrink-0 items-center gap-1 sm:gap-2">
        {/* Phones show who is signed in inside the menu sheet instead; the header is too narrow. */}
        <p className="hidden max-w-48 truncate lg:max-w-72 text-sm text-muted-foreground sm:block" title={label}>
          <span className="sr-only">Signed in as </span>
          {label}
        </p>
        <ThemeToggle />
        {session.mode === "supabase" && <SignOutButton />}
      </div>
    </header>
  );
}
