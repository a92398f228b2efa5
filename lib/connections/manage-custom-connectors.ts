import { randomUUID } from "node:crypto";
import { conflict, forbidden, fromZodError } from "@/lib/api/errors";
import { roleAtLeast, type Actor } from "@/lib/auth/types";
import { encryptSecret } from "@/lib/crypto";
import { getKeyRing } from "@/lib/crypto/runtime";
import { getConnector } from "@/lib/connectors/registry";
import { connectors } from "@/lib/db/schema";
import { withUser } from "@/lib/db/scope";
import { customConnectorSchema, slugify, toStoredDefinition } from "./custom-connector";
import { presentConnector, type ConnectorResponse } from "./present-connector";
import { resolveConnector } from "./resolve-connector";

/** Defines a connector for an internal or unlisted API; its OAuth client secret is stored encrypted. */
export async function createCustomConnector(actor: Actor, raw: unknown): Promise<ConnectorResponse> {
  if (!roleAtLeast(actor.role, "admin")) throw forbidden("Only admins and owners can add connectors.");
  const parsed = customConnectorSchema.safeParse(raw);
  if (!parsed.success) throw fromZodError(parsed.error);
  const input = parsed.data;
  const slug = input.slug ?? slugify(input.name);
  if (getConnector(slug)) throw conflict(`"${slug}" is a built-in connector; choose another slug.`);

  const id = randomUUID();
  const secret = input.oauth2
    ? encryptSecret(await getKeyRing(), input.oauth2.client_secret, { table: "connectors", rowId: id, workspaceId: actor.workspaceId })
    : null;
  const inserted = await withUser({ userId: actor.userId, email: actor.email }, async (tx) => {
    const [row] = await tx
      .insert(connectors)
      .values({
        id,
        workspaceId: actor.workspaceId,
        slug,
        name: input.name,
        definition: toStoredDefinition(input),
        oauthClientSecretEnc: secret,
        createdBy: actor.userId,
      })
      .onConflictDoNothing()
      .returning();
    return row ? await resolveConnector(tx, actor.workspaceId, slug) : null;
  });
  if (!inserted) throw conflict(`This workspace already has a connector "${slug}".`);
  return presentConnector(inserted);
}
