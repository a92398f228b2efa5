import type { HeaderInput } from "./types";

/** Case-insensitive header lookup over a Fetch `Headers` or a plain record. */
export function readHeader(headers: HeaderInput, name: string): string | undefined {
  if (typeof Headers !== "undefined" && headers instanceof Headers) {
    return headers.get(name) ?? undefined;
  }
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === wanted && typeof value === "string") return value;
  }
  return undefined;
}
