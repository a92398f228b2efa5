import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { decryptSecret, encryptSecret, needsRotation, parseKeyRing } from "@/lib/crypto";
import { connections, connectors, notificationChannels, webhookEndpoints, flows } from "../schema";
import { openTestDatabase } from "../testing";
import type { DatabaseHandle } from "../types";
import { ensureAuthUser } from "./users";
import { createWorkspace } from "./workspaces";
import { rotateSecrets, SECRET_COLUMNS } from "./secret-columns";

const k = () => randomBytes(32).toString("base64");
const k1 = `k1:${k()}`;
const k2 = `k2:${k()}`;
const oldRing = parseKeyRing(k1);
const newRing = parseKeyRing(`${k2},${k1}`);
const onlyNew = parseKeyRing(k2);

let handle: DatabaseHandle;
let workspaceId: string;
const sealed: { table: string; id: string; plaintext: string }[] = [];

beforeAll(async () => {
  handle = await openTestDatabase();
  const user = { id: randomUUID(), email: "r@example.com" };
  await ensureAuthUser(handle.db, user);
  workspaceId = (await createWorkspace(handle.db, { name: "R", ownerId: user.id })).id;
  const seal = (table: string, id: string, plaintext: string) => {
    sealed.push({ table, id, plaintext });
    return encryptSecret(oldRing, plaintext, { table, rowId: id, workspaceId });
  };
  for (let i = 0; i < 3; i++) {
    const id = randomUUID();
    await handle.db
      .insert(connections)
      .values({ id, workspaceId, connector: "stripe", name: `c${i}`, credentialsEnc: seal("connections", id, `sk_test_${i}`) });
  }
  const connectorId = randomUUID();
  await handle.db.insert(connectors).values({
    id: connectorId,
    workspaceId,
    slug: "internal",
    name: "Internal",
    definition: {},
    oauthClientSecretEnc: seal("connectors", connectorId, "client-secret"),
  });
  const [flow] = await handle.db
    .insert(flows)
    .values({ workspaceId, name: "f", triggerType: "webhook", trigger: {} })
    .returning();
  const endpointId = randomUUID();
  await handle.db.insert(webhookEndpoints).values({
    id: endpointId,
    workspaceId,
    flowId: flow.id,
    tokenHash: randomUUID(),
    signingSecretEnc: seal("webhook_endpoints", endpointId, "whsec_abc"),
  });
  const channelId = randomUUID();
  await handle.db.insert(notificationChannels).values({
    id: channelId,
    workspaceId,
    kind: "slack",
    name: "ops",
    secretEnc: seal("notification_channels", channelId, "https://hooks.slack.com/services/x"),
  });
});

afterAll(async () => {
  await handle.close();
});

async function storedSecret(table: string, id: string): Promise<string> {
  const column = SECRET_COLUMNS.find((c) => c.name === table)!;
  const [row] = (await handle.db.select({ s: column.secret }).from(column.table).where(eq(column.id, id))) as { s: string }[];
  return row.s;
}

describe("rotateSecrets", () => {
  it("moves every secret column to the active key, and the old key is then no longer needed", async () => {
    const report = await rotateSecrets(handle.db, newRing, 2);
    expect(report).toEqual({ reencrypted: sealed.length, alreadyCurrent: 0 });
    for (const s of sealed) {
      const ciphertext = await storedSecret(s.table, s.id);
      expect(needsRotation(newRing, ciphertext)).toBe(false);
      expect(decryptSecret(onlyNew, ciphertext, { table: s.table, rowId: s.id, workspaceId })).toBe(s.plaintext);
    }
  });

  it("is a no-op the second time", async () => {
    expect(await rotateSecrets(handle.db, newRing)).toEqual({ reencrypted: 0, alreadyCurrent: sealed.length });
  });

  it("covers every column of the schema whose name says it is encrypted", async () => {
    const { getTableColumns } = await import("drizzle-orm");
    const schema = await import("../schema");
    const encrypted = Object.values(schema)
      .filter((v) => typeof v === "object" && v !== null && Symbol.for("drizzle:IsDrizzleTable") in v)
      .flatMap((table) => Object.values(getTableColumns(table as never)).map((c) => (c as { name: string }).name))
      .filter((name) => name.endsWith("_enc"));
    expect(encrypted.sort()).toEqual(SECRET_COLUMNS.map((c) => c.secret.name).sort());
  });
});
