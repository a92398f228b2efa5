import { ResponseTooLargeError } from "./errors";

// Reads a response body into memory, but never more than the cap: a declared length over
// it fails before reading, and a streamed body fails at the first chunk past it, after
// which the connection is torn down so the rest is never received.

type Body = AsyncIterable<Uint8Array> & { destroy(error?: Error): unknown; on(event: "error", listener: () => void): unknown };

/** Stops reading a body and closes its connection (undici reports that as an error event; it is expected). */
export function discardBody(body: Body): void {
  body.on("error", () => undefined);
  body.destroy();
}

export async function readCappedBody(
  body: Body,
  declaredLength: string | string[] | undefined,
  maxBytes: number,
  target: string,
): Promise<Uint8Array> {
  const declared = Number(Array.isArray(declaredLength) ? declaredLength[0] : declaredLength);
  if (Number.isFinite(declared) && declared > maxBytes) {
    discardBody(body);
    throw new ResponseTooLargeError(maxBytes, target);
  }

  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of body) {
    total += chunk.byteLength;
    if (total > maxBytes) {
      discardBody(body);
      throw new ResponseTooLargeError(maxBytes, target);
    }
    chunks.push(chunk);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
