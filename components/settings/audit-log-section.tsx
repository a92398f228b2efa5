import Link from "next/link";
import { ChevronLeft, ChevronRight, ScrollText } from "lucide-react";
import { EmptyState } from "@/components/empty-state";
import { RelativeTime } from "@/components/relative-time";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { AUDIT_ACTIONS, auditDetail, auditTargetHref } from "@/lib/audit/actions";
import type { AuditPage } from "@/lib/audit/list-audit";

/** Who changed which flow, connection or setting, newest first, a page at a time. */
export function AuditLogSection({ page, canRead, paged }: { page: AuditPage; canRead: boolean; paged: boolean }) {
  const now = new Date();
  return (
    <Card id="audit-log" className="scroll-mt-20">
      <CardHeader>
        <CardTitle>
          <h2>Audit log</h2>
        </CardTitle>
        <CardDescription>Who changed which flow, connection or setting, and when.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-3">
        {!canRead ? (
          <p className="text-sm text-muted-foreground">Only members and above can see the audit log.</p>
        ) : page.events.length === 0 ? (
          <EmptyState
            icon={ScrollText}
            title={paged ? "No older events" : "Nothing changed yet"}
            description="Creating, editing or deleting flows, connections, keys, channels and settings is recorded here."
            className="min-h-48"
          />
        ) : (
          <Table aria-label="Audit log">
            <TableHeader>
              <TableRow>
                <TableHead>When</TableHead>
                <TableHead>Who</TableHead>
                <TableHead>What</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {page.events.map((e) => {
                const href = auditTargetHref(e.action, e.targetType, e.targetId);
                const detail = auditDetail(e.action, e.details);
                const target = e.targetName ?? (e.targetType === "workspace" ? "the workspace" : "—");
                return (
                  <TableRow key={e.id}>
                    <TableCell className="align-top whitespace-nowrap">
                      <RelativeTime date={e.createdAt} now={now} />
                    </TableCell>
                    <TableCell className="max-w-40 truncate align-top">{e.actorLabel}</TableCell>
                    <TableCell className="align-top whitespace-normal">
                      {AUDIT_ACTIONS[e.action]}{" "}
                      {href ? (
                        <Link href={href} className="font-medium underline-offset-4 hover:underline">
                          {target}
                        </Link>
                      ) : (
                        <span className="font-medium">{target}</span>
                      )}
                      {detail ? <span className="text-muted-foreground"> · {detail}</span> : null}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        )}
        {canRead && (paged || page.nextCursor) ? (
          <nav aria-label="Audit log pages" className="flex justify-end gap-2">
            {paged ? (
              <Button asChild variant="outline" size="sm">
                <Link href="/settings#audit-log">
                  <ChevronLeft aria-hidden="true" />
                  Newest
                </Link>
              </Button>
            ) : null}
            {page.nextCursor ? (
              <Button asChild variant="outline" size="sm">
                <Link href={`/settings?audit_before=${encodeURIComponent(page.nextCursor)}#audit-log`}>
                  Older
                  <ChevronRight aria-hidden="true" />
                </Link>
              </Button>
            ) : null}
          </nav>
        ) : null}
      </CardContent>
    </Card>
  );
}
