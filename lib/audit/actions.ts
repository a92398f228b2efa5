// The audit log's vocabulary: every action recorded, the kind of thing it happened to, and
// how a person reads it. Pure data, shared by the recorder, the list and the settings page.

export const AUDIT_TARGET_TYPES = ["flow", "connection", "workspace", "api_key", "notification_channel", "member"] as const;
export type AuditTargetType = (typeof AUDIT_TARGET_TYPES)[number];

export const AUDIT_ACTIONS = {
  "flow.created": "created flow",
  "flow.updated": "updated flow",
  "flow.activated": "activated flow",
  "flow.deactivated": "deactivated flow",
  "flow.deleted": "deleted flow",
  "connection.created": "created connection",
  "connection.renamed": "renamed connection",
  "connection.revoked": "revoked connection",
  "api_key.created": "created API key",
  "api_key.revoked": "revoked API key",
  "notification_channel.created": "added notification channel",
  "notification_channel.updated": "updated notification channel",
  "notification_channel.deleted": "deleted notification channel",
  "workspace.renamed": "renamed workspace",
  "workspace.retention_changed": "changed retention of",
  "member.role_changed": "changed the role of",
  "member.removed": "removed member",
  "member.invited": "invited",
} as const;
export type AuditAction = keyof typeof AUDIT_ACTIONS;

const DELETING = new Set<AuditAction>(["flow.deleted", "notification_channel.deleted", "member.removed"]);

/** Where the target of an event lives in the hub; null when it no longer exists there. */
export function auditTargetHref(action: AuditAction, targetType: AuditTargetType, targetId: string | null): string | null {
  if (DELETING.has(action)) return null;
  switch (targetType) {
    case "flow":
      return targetId ? `/flows/${targetId}` : "/flows";
    case "connection":
      return "/connections";
    case "workspace":
      return "/settings#workspace";
    case "api_key":
      return "/settings#api-keys";
    case "notification_channel":
      return "/settings#notification-channels";
    case "member":
      return "/settings#members";
  }
}

/** The short detail after the target: "version 3", "30 → 90 days", "viewer → admin". */
export function auditDetail(action: AuditAction, details: Record<string, unknown>): string | null {
  const arrow = (from: unknown, to: unknown, unit = "") =>
    from !== undefined && to !== undefined ? `${String(from)}${unit} → ${String(to)}${unit}` : null;
  switch (action) {
    case "flow.created":
    case "flow.updated":
      return typeof details.version === "number" ? `version ${details.version}` : null;
    case "workspace.retention_changed":
      return arrow(details.from, details.to, " days");
    case "workspace.renamed":
    case "connection.renamed":
      return arrow(details.from, details.to);
    case "member.role_changed":
      return arrow(details.from, details.to);
    case "member.invited":
      return typeof details.role === "string" ? `as ${details.role}` : null;
    case "notification_channel.updated":
      return typeof details.enabled === "boolean" ? (details.enabled ? "enabled" : "disabled") : null;
    default:
      return null;
  }
}
