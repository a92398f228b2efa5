import { and, isNotNull, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { needsRotation, reencrypt, type KeyRing } from "@/lib/crypto";
import { connections, connectors, notificationChannels, webhookEndpoints } from "../schema";
import type { Db } from "../types";

// Every column that holds a sealed secret, with the row identity its ciphertext is bound to
// (lib/crypto's associated data: table, row id, workspace). A new secret column must be
// listed here, or `junction keys rotate` would leave it under an old key.
export const SECRET_COLUMNS: { table: PgTable; name: string; id: PgColumn; workspaceId: PgColumn; secret: PgColumn }[] = [
  { table: connections, name: "connections", id: connections.id, workspaceId: connections.workspaceId, secret: connections.credentialsEnc },
  { table: connectors, name: "connectors", id: connectors.id, workspaceId: connectors.workspaceId, secret: connectors.oauthClientSecretEnc },
  { table: webhookEndpoints, name: "webhook_endpoints", id: webhookEndpoints.id, workspaceId: webhookEndpoints.workspaceId, secret: webhookEndpoints.signingSecretEnc },
  { table: notificationChannels, name: "notification_channels", id: notificationChannels.id, workspaceId: notificationChannels.workspaceId, secret: notificationChannels.secretEnc },
];

export interface RotationReport {
  reencrypted: number;
  alreadyCurrent: number;
}

/**
 * Re-encrypts every stored secret under the ring's active key, row by row. Each update is
 * conditional on the ciphertext being unchanged, so a secret written meanwhile by the running
 * app (already under the active key) is never overwritten: no downtime is needed.
 */
export async function rotateSecrets(db: Db, ring: KeyRing, batchSize = 200): Promise<RotationReport> {
  const report: RotationReport = { reencrypted: 0, alreadyCurrent: 0 };
  for (const column of SECRET_COLUMNS) {
    let after = "00000000-0000-0000-0000-000000000000";
    for (;;) {
      const rows = (await db
        .select({ id: column.id, workspaceId: column.workspaceId, secret: column.secret })
        .from(column.table)
        .where(and(isNotNull(column.secret), sql`${column.id} > ${after}`))
        .orderBy(column.id)
        .limit(batchSize)) as { id: string; workspaceId: string; secret: string }[];
      if (rows.length === 0) break;
      for (const row of rows) {
        if (!needsRotation(ring, row.secret)) {
          report.alreadyCurrent++;
          continue;
        }
        const aad = { table: column.name, rowId: row.id, workspaceId: row.workspaceId };
        const fresh = reencrypt(ring, row.secret, aad);
        await db.execute(
          sql`update ${column.table} set ${sql.identifier(column.secret.name)} = ${fresh}
               where ${column.id} = ${row.id} and ${column.secret} = ${row.secret}`,
        );
        report.reencrypted++;
      }
      after = rows[rows.length - 1].id;
    }
  }
  return report;
}
