import {
  Activity,
  Blocks,
  Cable,
  History,
  LayoutDashboard,
  LayoutTemplate,
  Settings,
  Workflow,
  type LucideIcon,
} from "lucide-react";

export interface NavItem {
  href: string;
  label: string;
  icon: LucideIcon;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { href: "/", label: "Dashboard", icon: LayoutDashboard },
  { href: "/connectors", label: "Connectors", icon: Blocks },
  { href: "/connections", label: "Connections", icon: Cable },
  { href: "/flows", label: "Flows", icon: Workflow },
  { href: "/templates", label: "Templates", icon: LayoutTemplate },
  { href: "/executions", label: "Executions", icon: History },
  { href: "/health", label: "Health", icon: Activity },
  { href: "/settings", label: "Settings", icon: Settings },
];

/** A section stays highlighted on its detail pages (/flows/abc), but "/" only on itself. */
export function isActivePath(pathname: string, href: string): boolean {
  if (href === "/") return pathname === "/";
  return pathname === href || pathname.startsWith(`${href}/`);
}
