import { FORMAT_VERSION } from "./format";

/** Where a secret lives. It is bound into the ciphertext, so it opens only at the same place. */
export interface SecretAad {
  /** Table name, e.g. "connections" or "webhook_endpoints". */
  table: string;
  rowId: string;
  workspaceId: string;
}

const FIELDS = ["table", "rowId", "workspaceId"] as const;

export function assertAad(aad: SecretAad): void {
  if (typeof aad !== "object" || aad === null) throw new TypeError("aad must be { table, rowId, workspaceId }");
  for (const field of FIELDS) {
    const value: unknown = aad[field];
    if (typeof value !== "string" || value === "") throw new TypeError(`aad.${field} must be a non-empty string`);
  }
}

/** A JSON array of strings is unambiguous: no choice of values makes two places encode alike. */
export function encodeAad(keyId: string, aad: SecretAad): Buffer {
  return Buffer.from(JSON.stringify([FORMAT_VERSION, keyId, aad.table, aad.rowId, aad.workspaceId]), "utf8");
}

export function describeAad(aad: SecretAad): string {
  return `table "${aad.table}", row "${aad.rowId}", workspace "${aad.workspaceId}"`;
}
