import Image from "next/image";
import { RelativeTime } from "@/components/relative-time";
import { Badge } from "@/components/ui/badge";
import { Card, CardAction, CardContent, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import type { ConnectionResponse } from "@/lib/connections/present";
import { statusPresentation } from "./connection-status";
import { RenameConnectionDialog } from "./rename-connection-dialog";
import { RevokeConnectionDialog } from "./revoke-connection-dialog";
import { ValidateConnectionButton } from "./validate-connection-button";

export interface ConnectorLook {
  name: string;
  icon: string;
  authLabel?: string;
}

const FALLBACK_ICON = "/connectors/http.svg";

/** One saved connection: whose account, its status and when it was last proven to work. */
export function ConnectionCard({
  connection: c,
  connector,
  canManage,
  now,
}: {
  connection: ConnectionResponse;
  /** null when the connector no longer exists (a deleted custom connector). */
  connector: ConnectorLook | null;
  canManage: boolean;
  now: Date;
}) {
  const titleId = `connection-${c.id}`;
  const status = statusPresentation(c.status);
  const revoked = c.status === "revoked";
  return (
    <article aria-labelledby={titleId} className="h-full">
      <Card className="h-full gap-4">
        <CardHeader>
          <div className="flex min-w-0 items-center gap-3">
            <span className="flex size-10 shrink-0 items-center justify-center rounded-lg border bg-background">
              <Image src={connector?.icon ?? FALLBACK_ICON} alt="" width={24} height={24} unoptimized />
            </span>
            <div className="min-w-0">
              <CardTitle>
                <h2 id={titleId} className="break-words">
                  {c.name}
                </h2>
              </CardTitle>
              <p className="mt-1 truncate text-xs text-muted-foreground">
                {connector ? connector.name : `${c.connector} (connector no longer exists)`}
                {connector?.authLabel ? ` · ${connector.authLabel}` : null}
              </p>
            </div>
          </div>
          <CardAction>
            <Badge className={status.className}>{status.label}</Badge>
          </CardAction>
        </CardHeader>
        <CardContent className="flex flex-1 flex-col gap-3">
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-sm">
            <dt className="text-muted-foreground">Account</dt>
            <dd className="min-w-0 truncate">{c.account_label ?? "—"}</dd>
            <dt className="text-muted-foreground">Last validated</dt>
            <dd>{c.last_validated_at ? <RelativeTime date={new Date(c.last_validated_at)} now={now} /> : "Never"}</dd>
            {c.expires_at ? (
              <>
                <dt className="text-muted-foreground">{new Date(c.expires_at) < now ? "Expired" : "Expires"}</dt>
                <dd>
                  <RelativeTime date={new Date(c.expires_at)} now={now} />
                </dd>
              </>
            ) : null}
            <dt className="text-muted-foreground">Created</dt>
            <dd>
              <RelativeTime date={new Date(c.created_at)} now={now} />
            </dd>
          </dl>
          {c.status !== "active" && c.status_reason ? (
            <p className="rounded-md bg-muted px-3 py-2 text-sm text-muted-foreground">{c.status_reason}</p>
          ) : null}
        </CardContent>
        {canManage ? (
          <CardFooter className="flex-wrap gap-2">
            {!revoked ? <ValidateConnectionButton id={c.id} name={c.name} /> : null}
            <RenameConnectionDialog id={c.id} name={c.name} />
            {!revoked ? (
              <RevokeConnectionDialog id={c.id} name={c.name} usedBy={c.used_by ?? []} />
            ) : null}
          </CardFooter>
        ) : null}
      </Card>
    </article>
  );
}
