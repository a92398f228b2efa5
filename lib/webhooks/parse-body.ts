import { ApiError } from "@/lib/api/errors";

// What a webhook's body means, by its declared content type: JSON (which must parse), form
// fields, or raw text. The raw bytes are always kept as received.

export interface ParsedBody {
  body: unknown;
  /** The body as text when it is not structured (or not UTF-8, base64). */
  raw: string;
}

export function parseWebhookBody(bytes: Uint8Array, contentType: string | null): ParsedBody {
  const type = (contentType ?? "").split(";")[0].trim().toLowerCase();
  let text: string | null;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    text = null;
  }
  const raw = text ?? Buffer.from(bytes).toString("base64");
  if (type === "application/json" || type.endsWith("+json")) {
    if (text === null) throw new ApiError(400, "invalid_body", "The body says it is JSON but is not UTF-8 text.");
    if (text.trim() === "") return { body: null, raw };
    try {
      return { body: JSON.parse(text), raw };
    } catch {
      throw new ApiError(400, "invalid_json", "The body says it is JSON (Content-Type) but does not parse as JSON.");
    }
  }
  if (type === "application/x-www-form-urlencoded" && text !== null) {
    const fields: Record<string, string | string[]> = {};
    for (const [k, v] of new URLSearchParams(text)) {
      const existing = fields[k];
      fields[k] = existing === undefined ? v : Array.isArray(existing) ? [...existing, v] : [existing, v];
    }
    return { body: fields, raw };
  }
  return { body: text ?? raw, raw };
}
