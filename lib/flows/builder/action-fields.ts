// An action's input form, from the JSON Schema of its zod input (z.toJSONSchema on the server):
// one field per property with the control that fits it, and the check that required fields
// are filled before a flow is saved.

export type FieldControl = "text" | "number" | "select" | "boolean" | "json";
export interface ActionField {
  key: string;
  label: string;
  control: FieldControl;
  required: boolean;
  options?: string[];
  description?: string;
}

type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
};

function labelOf(key: string): string {
  const words = key.replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function controlOf(schema: JsonSchema): Pick<ActionField, "control" | "options"> {
  if (Array.isArray(schema.enum) && schema.enum.every((v) => typeof v === "string")) return { control: "select", options: schema.enum as string[] };
  const type = Array.isArray(schema.type) ? schema.type.filter((t) => t !== "null") : schema.type ? [schema.type] : [];
  if (type.length === 1 && type[0] === "string") return { control: "text" };
  if (type.length === 1 && (type[0] === "number" || type[0] === "integer")) return { control: "number" };
  if (type.length === 1 && type[0] === "boolean") return { control: "boolean" };
  if (!type.length && schema.anyOf?.every((s) => s.type === "string")) return { control: "text" };
  return { control: "json" };
}

export function actionFieldsFromSchema(schema: unknown): ActionField[] {
  const root = (schema ?? {}) as JsonSchema;
  if (!root.properties) return [];
  const required = new Set(root.required ?? []);
  return Object.entries(root.properties).map(([key, property]) => ({
    key,
    label: labelOf(key),
    required: required.has(key),
    ...controlOf(property),
    ...(property.description ? { description: property.description } : {}),
  }));
}

export function isBlank(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === "string") return value.trim() === "";
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

/** The required fields of an input that are missing or blank. */
export function missingRequired(fields: ActionField[], input: unknown): ActionField[] {
  const values = input && typeof input === "object" && !Array.isArray(input) ? (input as Record<string, unknown>) : {};
  return fields.filter((f) => f.required && isBlank(values[f.key]));
}
