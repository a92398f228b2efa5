// The pure half of the JSON viewer: what kind a value is, how a collapsed node reads, and
// which children to show first (a node with thousands of children shows them in slices).

export type JsonKind = "object" | "array" | "string" | "number" | "boolean" | "null";

export const CHILDREN_PER_SLICE = 100;

export function jsonKind(value: unknown): JsonKind {
  if (value === null || value === undefined) return "null";
  if (Array.isArray(value)) return "array";
  switch (typeof value) {
    case "object":
      return "object";
    case "string":
      return "string";
    case "number":
    case "bigint":
      return "number";
    case "boolean":
      return "boolean";
    default:
      return "null";
  }
}

export const isContainer = (value: unknown) => {
  const kind = jsonKind(value);
  return kind === "object" || kind === "array";
};

/** How a collapsed object or array reads: "3 keys", "1 item", "empty". */
export function summarize(value: unknown): string {
  const kind = jsonKind(value);
  if (kind === "array") {
    const n = (value as unknown[]).length;
    return n === 0 ? "empty" : `${n} ${n === 1 ? "item" : "items"}`;
  }
  if (kind === "object") {
    const n = Object.keys(value as object).length;
    return n === 0 ? "empty" : `${n} ${n === 1 ? "key" : "keys"}`;
  }
  return formatScalar(value);
}

/** A scalar as JSON writes it ("text" quoted, numbers, true, null). */
export function formatScalar(value: unknown): string {
  if (value === undefined) return "null";
  if (typeof value === "bigint") return value.toString();
  return JSON.stringify(value) ?? "null";
}

/** The first `shown` children of a container as [key, value] pairs, and how many are left. */
export function childEntries(value: unknown, shown = CHILDREN_PER_SLICE): { entries: [string, unknown][]; hidden: number } {
  const all: [string, unknown][] = Array.isArray(value)
    ? value.map((v, i) => [String(i), v])
    : isContainer(value)
      ? Object.entries(value as Record<string, unknown>)
      : [];
  return { entries: all.slice(0, shown), hidden: Math.max(0, all.length - shown) };
}

/** The text the copy button puts on the clipboard: the value, indented. */
export function copyText(value: unknown): string {
  return JSON.stringify(value ?? null, null, 2) ?? "null";
}
