// Reading response values by a small dotted path ("response_metadata.next_cursor",
// "data.-1.id") and filling `{field}` templates. Only own properties are read, so a path can
// never reach __proto__ or constructor.

const FORBIDDEN = new Set(["__proto__", "constructor", "prototype"]);

export function readPath(value: unknown, path: string): unknown {
  if (path === "") return value;
  let current: unknown = value;
  for (const segment of path.split(".")) {
    if (current === null || typeof current !== "object" || FORBIDDEN.has(segment)) return undefined;
    if (Array.isArray(current)) {
      if (!/^-?\d+$/.test(segment)) return undefined;
      const index = Number(segment);
      current = current[index < 0 ? current.length + index : index];
    } else {
      current = Object.hasOwn(current, segment) ? (current as Record<string, unknown>)[segment] : undefined;
    }
  }
  return current;
}

/** The first path whose value is a non-empty string or a number, as text. */
export function firstText(value: unknown, paths: readonly string[]): string | undefined {
  for (const path of paths) {
    const found = readPath(value, path);
    if (typeof found === "string" && found.trim() !== "") return found;
    if (typeof found === "number") return String(found);
  }
  return undefined;
}

const PLACEHOLDER = /\{([a-z][a-z0-9_]*)\}/g;

export function templateKeys(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]);
}

export function fillTemplate(template: string, values: Record<string, string | undefined>): string {
  return template.replace(PLACEHOLDER, (_, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`template needs "${key}", which is not set`);
    return value;
  });
}
