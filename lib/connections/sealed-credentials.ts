import { z } from "zod";
import { decryptJson, encryptSecret } from "@/lib/crypto";
import { getKeyRing } from "@/lib/crypto/runtime";
import type { AuthType, Credentials } from "@/lib/connectors/types";

// What a connection's ciphertext holds: the auth type and the credential values (for OAuth2
// the tokens). Sealed to the connection's row and workspace, so a copy elsewhere is useless.

export const storedCredentialsSchema = z.object({
  authType: z.enum(["api_key", "bearer", "basic", "oauth2", "none"]),
  values: z.record(z.string(), z.string()),
});
export type StoredCredentials = { authType: AuthType; values: Credentials };

const aad = (connectionId: string, workspaceId: string) => ({ table: "connections", rowId: connectionId, workspaceId });

export async function sealCredentials(connectionId: string, workspaceId: string, stored: StoredCredentials): Promise<string> {
  return encryptSecret(await getKeyRing(), stored, aad(connectionId, workspaceId));
}

export async function openCredentials(connectionId: string, workspaceId: string, ciphertext: string): Promise<StoredCredentials> {
  return decryptJson(await getKeyRing(), ciphertext, aad(connectionId, workspaceId), storedCredentialsSchema);
}

/** Every credential value, for the redactor: none of them may appear in a stored error. */
export function secretValues(stored: StoredCredentials): string[] {
  return Object.values(stored.values).filter((v) => v.length >= 4);
}
