import type { IncomingHttpHeaders, ServerResponse } from "node:http";
import { startTestServer, type TestServer } from "@/lib/http/test-server";
import { handleRunRequest } from "../run-request";

// Test helper (not used by the app): the internal run route served by a real HTTP server on
// 127.0.0.1, so fan-out is tested over real sockets. A small adapter turns the Node request
// into a fetch Request and the handler's Response back; runs deferred by the route (Next's
// after() in production) start once the answer is written, and settled() waits for them.

export type RouteHandler = (request: Request) => Promise<Response>;

/** Serves a fetch-style handler over node:http. */
export async function startRouteServer(
  handler: RouteHandler,
  options: { maxRequests?: number; lifetimeMs?: number } = {},
): Promise<TestServer> {
  let origin = "";
  const server = await startTestServer(async (_req, res, recorded) => {
    const method = recorded.method.toUpperCase();
    const request = new Request(new URL(recorded.url, origin), {
      method,
      headers: toHeaders(recorded.headers),
      body: method === "GET" || method === "HEAD" ? undefined : recorded.body,
    });
    await writeResponse(await handler(request), res);
  }, options);
  origin = server.origin;
  return server;
}

export interface RunRouteServer extends TestServer {
  /** Waits until every run the route has deferred so far has ended. */
  settled(): Promise<void>;
}

const RUN_PATH = /^\/api\/internal\/executions\/([^/]+)\/run$/;

/**
 * POST /api/internal/executions/{id}/run as the app serves it; any other path is another
 * app's 404. `hold`, when given, is awaited before each request is handled (to make callers race).
 */
export async function startRunRouteServer(options: { maxRequests?: number; hold?: () => Promise<void> } = {}): Promise<RunRouteServer> {
  const runs: Promise<void>[] = [];
  // Like after(): the task starts once the response has gone out.
  const defer = (task: () => Promise<void>) => void runs.push(new Promise<void>((resolve) => setImmediate(resolve)).then(task));
  const server = await startRouteServer(
    async (request) => {
      const match = RUN_PATH.exec(new URL(request.url).pathname);
      await options.hold?.();
      if (!match || request.method !== "POST") return new Response("<h1>Not found</h1>", { status: 404, headers: { "content-type": "text/html" } });
      return handleRunRequest(request, { id: decodeURIComponent(match[1]) }, { defer, maxDurationMs: 300_000 });
    },
    { maxRequests: options.maxRequests ?? 200, lifetimeMs: 120_000 },
  );
  return {
    ...server,
    async settled() {
      for (let seen = -1; seen !== runs.length; ) {
        seen = runs.length;
        await Promise.all(runs);
      }
    },
  };
}

function toHeaders(raw: IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, item);
  }
  return headers;
}

async function writeResponse(response: Response, res: ServerResponse): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  res.writeHead(response.status, { ...Object.fromEntries(response.headers), "content-length": String(body.length) });
  res.end(body);
}
