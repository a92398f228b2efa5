import { BellRing } from "lucide-react";
import { EmptyState } from "@/components/empty-state";
import { RelativeTime } from "@/components/relative-time";
import { Badge } from "@/components/ui/badge";
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { ChannelResponse } from "@/lib/alerts/channels";
import { AddChannelDialog } from "./add-channel-dialog";
import { CHANNEL_KIND_OPTIONS } from "./channel-form-model";
import { ChannelEnabledSwitch, ChannelTestButton, DeleteChannelButton } from "./channel-controls";

/** Where a channel sends, from its non-secret config: a host, a URL, recipients. */
function destination(channel: ChannelResponse): string {
  const c = channel.config;
  if (typeof c.url === "string") return c.url;
  if (Array.isArray(c.to)) return `${c.to.join(", ")} (from ${String(c.from)})`;
  return typeof c.host === "string" ? c.host : "—";
}

export function NotificationChannelsSection({
  channels,
  canRead,
  canManage,
}: {
  channels: ChannelResponse[];
  canRead: boolean;
  canManage: boolean;
}) {
  return (
    <Card id="notification-channels" className="scroll-mt-20">
      <CardHeader>
        <CardTitle>
          <h2>Notification channels</h2>
        </CardTitle>
        <CardDescription>Slack, Discord, email or a signed webhook: where alerts about failing flows go.</CardDescription>
        {canManage ? (
          <CardAction>
            <AddChannelDialog />
          </CardAction>
        ) : null}
      </CardHeader>
      <CardContent className="grid gap-3">
        {!canRead ? (
          <p className="text-sm text-muted-foreground">Only members and above can see notification channels.</p>
        ) : channels.length === 0 ? (
          <EmptyState
            icon={BellRing}
            title="No channels yet"
            description={
              canManage
                ? "Add one to hear about failing flows in Slack, Discord, by email or at your own endpoint."
                : "An admin can add one to send alerts about failing flows."
            }
            className="min-h-48"
          />
        ) : (
          <>
            {!canManage ? <p className="text-sm text-muted-foreground">Only admins and owners can change channels.</p> : null}
            <ul aria-label="Notification channels" className="divide-y rounded-lg border">
              {channels.map((channel) => (
                <li key={channel.id} aria-label={channel.name} className="flex flex-col gap-3 p-4 sm:flex-row sm:items-center">
                  <div className="min-w-0 flex-1">
                    <div className="flex flex-wrap items-center gap-2">
                      <span className="font-medium">{channel.name}</span>
                      <Badge variant="secondary">{CHANNEL_KIND_OPTIONS.find((o) => o.kind === channel.kind)?.label ?? channel.kind}</Badge>
                      {!channel.is_active ? <Badge variant="outline">Paused</Badge> : null}
                    </div>
                    <p className="mt-1 truncate text-xs text-muted-foreground">
                      {destination(channel)} · added <RelativeTime date={new Date(channel.created_at)} />
                    </p>
                  </div>
                  {canManage ? (
                    <div className="flex items-center gap-2">
                      <ChannelEnabledSwitch id={channel.id} name={channel.name} active={channel.is_active} />
                      <ChannelTestButton id={channel.id} name={channel.name} />
                      <DeleteChannelButton id={channel.id} name={channel.name} />
                    </div>
                  ) : null}
                </li>
              ))}
            </ul>
          </>
        )}
      </CardContent>
    </Card>
  );
}
