import type { IncomingMessage, ServerResponse } from "node:http";
import { ApiError } from "@/lib/api/errors";
import { receiveWebhook } from "./receive";

// /api/webhooks/{token} straight from Node's HTTP server, for the production server
// (lib/server/production-server.ts). A Next route spends about 0.8 ms of CPU a request on
// routing before its handler runs; webhooks need none of it, so the production server hands
// these paths here instead, and the answer comes from the same receiveWebhook as the route's.
// Only the three methods the route serves are taken; anything else (OPTIONS, HEAD, a path with
// more segments) goes on to Next and gets its usual answer.

const PATH = /^\/api\/webhooks\/([^/?#]+)(?:\?|$)/;
const METHODS = new Set(["POST", "PUT", "GET"]);
const UNREAD_BODY_DISCARD_BYTES = 8 * 1024 * 1024;

/** The token when this request is a webhook delivery this listener answers, else null. */
export function webhookToken(method: string | undefined, url: string | undefined): string | null {
  if (!method || !METHODS.has(method) || !url) return null;
  const match = PATH.exec(url);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return match[1]; // not valid percent-encoding: no token looks like that, so it is a 404
  }
}

/**
 * The body as a web stream that, when the reader gives up (a body over the limit), stops
 * reading instead of destroying the socket, so the sender still gets its 413.
 */
function bodyStream(req: IncomingMessage): ReadableStream<Uint8Array> {
  let cancelled = false;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      req.on("data", (chunk: Buffer) => {
        if (cancelled) return;
        controller.enqueue(chunk);
        if ((controller.desiredSize ?? 1) <= 0) req.pause();
      });
      req.once("end", () => !cancelled && controller.close());
      // The sender went away mid-body: nothing is stored, and no one is left to tell.
      req.once("error", () => !cancelled && controller.error(new ApiError(400, "body_incomplete", "The request body ended before it was complete.")));
    },
    pull() {
      req.resume();
    },
    cancel() {
      cancelled = true;
      req.pause();
    },
  });
}

/**
 * The request as the Fetch API sees it. Only the path and query of the URL are read. As under
 * Next, x-forwarded-host/-port/-proto/-for are filled in when the sender did not set them, so a
 * flow sees the same trigger.headers through either entry.
 */
function toRequest(req: IncomingMessage): Request {
  const headers = new Headers();
  const raw = req.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) headers.append(raw[i], raw[i + 1]);
  const socket = req.socket;
  const forwarded: [string, string | undefined][] = [
    ["x-forwarded-host", req.headers.host],
    ["x-forwarded-port", socket.localPort === undefined ? undefined : String(socket.localPort)],
    ["x-forwarded-proto", "encrypted" in socket && socket.encrypted ? "https" : "http"],
    ["x-forwarded-for", socket.remoteAddress],
  ];
  for (const [name, value] of forwarded) if (value && !headers.has(name)) headers.set(name, value);
  const hasBody = req.method !== "GET";
  return new Request(`http://localhost${req.url}`, {
    method: req.method,
    headers,
    body: hasBody ? bodyStream(req) : undefined,
    // A streamed request body must say it is sent as it is read.
    ...(hasBody ? { duplex: "half" } : {}),
  } as RequestInit);
}

async function send(req: IncomingMessage, res: ServerResponse, response: Response): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  headers["content-length"] = String(body.byteLength);
  res.writeHead(response.status, headers);
  res.end(body);
  discardUnread(req);
}

/**
 * What is left of a body that was refused unread (413, 404, 405) is read and thrown away, so
 * the sender gets to read its answer instead of a reset and the connection can serve the next
 * request; past UNREAD_BODY_DISCARD_BYTES the connection is dropped instead.
 */
function discardUnread(req: IncomingMessage): void {
  if (req.complete) return;
  let discarded = 0;
  req.removeAllListeners("data"); // the body stream's, which no one reads any more
  req.on("data", (chunk: Buffer) => {
    discarded += chunk.byteLength;
    if (discarded > UNREAD_BODY_DISCARD_BYTES) req.socket.destroy();
  });
  req.resume();
}

/** Answers one delivery. Never throws: whatever goes wrong is a 500 that says nothing more. */
export async function serveWebhook(req: IncomingMessage, res: ServerResponse, token: string): Promise<void> {
  try {
    const response = await receiveWebhook(token, toRequest(req), (task) => {
      // Outside Next there is no after(): start once the answer has gone out (or the sender
      // has gone: the event is stored either way).
      res.once("close", () => void task());
    });
    await send(req, res, response);
  } catch (error) {
    console.error("[webhooks] could not answer a delivery:", error instanceof Error ? error.message.slice(0, 200) : "unknown");
    if (!res.headersSent) {
      res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { code: "internal_error", message: "Something went wrong on our side. Please try again." } }));
    } else {
      res.destroy();
    }
  }
}
