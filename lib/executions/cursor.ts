// Keyset cursors for the executions list: the (created_at, id) of a row, opaque in the URL.
// created_at keeps its microseconds (Postgres' precision): a cursor cut to milliseconds would
// skip rows created within the same millisecond as the page's edge.

export interface Cursor {
  /** created_at in UTC with microseconds, e.g. 2026-11-22T17:02:49.123456Z */
  at: string;
  id: string;
}

const AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(`${cursor.at}|${cursor.id}`, "utf8").toString("base64url");
}

/** The cursor in `text`, or null when it is not one this page made. */
export function decodeCursor(text: string): Cursor | null {
  if (text.length > 100 || !/^[A-Za-z0-9_-]+$/.test(text)) return null;
  const [at, id, ...rest] = Buffer.from(text, "base64url").toString("utf8").split("|");
  if (rest.length > 0 || !at || !id || !AT.test(at) || !ID.test(id)) return null;
  if (Number.isNaN(Date.parse(at))) return null;
  return { at, id };
}
