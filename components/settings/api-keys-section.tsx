import { KeyRound } from "lucide-react";
import { EmptyState } from "@/components/empty-state";
import { RelativeTime } from "@/components/relative-time";
import { Badge } from "@/components/ui/badge";
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { ApiKeySummary } from "@/lib/db/queries/api-keys";
import { CreateApiKeyDialog } from "./create-api-key-dialog";
import { RevokeApiKeyButton } from "./revoke-api-key-button";

export function ApiKeysSection({ keys, canManage }: { keys: ApiKeySummary[]; canManage: boolean }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2>API keys</h2>
        </CardTitle>
        <CardDescription>
          Keys let scripts use the REST API (<code className="font-mono">/api/v1</code>) on this workspace.
        </CardDescription>
        {canManage ? (
          <CardAction>
            <CreateApiKeyDialog />
          </CardAction>
        ) : null}
      </CardHeader>
      <CardContent>
        {!canManage ? (
          <p className="text-sm text-muted-foreground">Only admins and owners can see and manage API keys.</p>
        ) : keys.length === 0 ? (
          <EmptyState
            icon={KeyRound}
            title="No API keys yet"
            description="Create one to call the REST API; it is shown once, then only its first characters."
            className="min-h-48"
          />
        ) : (
          <Table aria-label="API keys">
            <TableHeader>
              <TableRow>
                <TableHead>Name</TableHead>
                <TableHead>Key</TableHead>
                <TableHead>Created</TableHead>
                <TableHead>Last used</TableHead>
                <TableHead className="text-right">
                  <span className="sr-only">Actions</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {keys.map((key) => (
                <TableRow key={key.id}>
                  <TableCell className="font-medium">{key.name}</TableCell>
                  <TableCell className="font-mono text-xs">{key.prefix}…</TableCell>
                  <TableCell>
                    <RelativeTime date={key.createdAt} />
                  </TableCell>
                  <TableCell>{key.lastUsedAt ? <RelativeTime date={key.lastUsedAt} /> : "Never"}</TableCell>
                  <TableCell className="text-right">
                    {key.revokedAt ? (
                      <Badge variant="secondary">Revoked</Badge>
                    ) : (
                      <RevokeApiKeyButton id={key.id} name={key.name} />
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}
