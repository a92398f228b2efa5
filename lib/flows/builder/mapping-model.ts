import type { Transform } from "@/lib/engine/expressions/mapping-schema";

// The mapping editor's model: one row per destination field, with the expression it comes
// from and the transform rules applied in order (lib/engine/expressions/transforms.ts).

export interface MappingRow {
  destination: string;
  from: string;
  transforms: Transform[];
  required: boolean;
}

type StoredField = string | { from: string; transforms?: Transform[]; required?: boolean };

export const TRANSFORM_CHOICES: { type: Transform["type"]; label: string }[] = [
  { type: "trim", label: "Trim spaces" },
  { type: "lowercase", label: "Lowercase" },
  { type: "uppercase", label: "Uppercase" },
  { type: "number", label: "To number" },
  { type: "string", label: "To text" },
  { type: "boolean", label: "To true/false" },
  { type: "date", label: "To date" },
  { type: "default", label: "Default value" },
  { type: "regex_replace", label: "Replace (regex)" },
];

export function transformLabel(transform: Transform): string {
  const base = TRANSFORM_CHOICES.find((c) => c.type === transform.type)?.label ?? transform.type;
  if (transform.type === "default") return `Default: ${JSON.stringify(transform.value)}`;
  if (transform.type === "date" && transform.format) return `Date: ${transform.format}`;
  if (transform.type === "regex_replace") return `Replace /${transform.pattern}/ → "${transform.replacement}"`;
  return base;
}

/** A new transform of a kind, with the settings it needs filled with something sensible. */
export function newTransform(type: Transform["type"], setting?: string): Transform {
  switch (type) {
    case "default":
      return { type, value: setting ?? "" };
    case "date":
      return setting ? { type, format: setting } : { type };
    case "regex_replace":
      return { type, pattern: setting || "\\s+", replacement: "" };
    default:
      return { type };
  }
}

/** A whole `{{ … }}` around a mapping expression is accepted by the engine; the editor shows it bare. */
export function bareExpression(text: string): string {
  const m = /^\s*\{\{([\s\S]*)\}\}\s*$/.exec(text);
  return (m ? m[1] : text).trim();
}

export function mappingToRows(mapping: { fields: Record<string, unknown> } | undefined): MappingRow[] {
  return Object.entries(mapping?.fields ?? {}).map(([destination, raw]) => {
    const field = raw as StoredField;
    if (typeof field === "string") return { destination, from: bareExpression(field), transforms: [], required: false };
    return { destination, from: bareExpression(field.from ?? ""), transforms: field.transforms ?? [], required: Boolean(field.required) };
  });
}

/** Rows back to the stored mapping; the short string form when a row has no rules. */
export function rowsToMapping(rows: MappingRow[]): { fields: Record<string, StoredField> } {
  const fields: Record<string, StoredField> = {};
  for (const row of rows) {
    const destination = row.destination.trim();
    if (!destination) continue;
    fields[destination] =
      row.transforms.length === 0 && !row.required
        ? row.from
        : { from: row.from, ...(row.transforms.length ? { transforms: row.transforms } : {}), ...(row.required ? { required: true } : {}) };
  }
  return { fields };
}

/** A destination name for a source path: its last property ("trigger.body.user.email" → "email"). */
export function destinationFor(path: string, taken: string[]): string {
  const last = path.split(".").pop()?.replace(/[`[\]]/g, "") || "field";
  const base = /^\d+$/.test(last) ? `field_${last}` : last;
  if (!taken.includes(base)) return base;
  for (let n = 2; ; n++) if (!taken.includes(`${base}_${n}`)) return `${base}_${n}`;
}
