import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import next from "next";
import { serveWebhook, webhookToken } from "@/lib/webhooks/node-listener";

// The production server behind `npm start` (`junction start`): Next's own request handler for
// every page, route and asset, with one exception — webhook deliveries (/api/webhooks/{token})
// are answered by lib/webhooks/node-listener.ts straight from Node's HTTP server. A Next route
// costs about 0.8 ms of CPU a request before its handler runs (routing, manifests, the
// request wrapper), which alone keeps a 2-core machine under the ingest target; the listener
// answers with the same receiveWebhook as the route, so the answers are the same. On Vercel
// (and under `next dev` or plain `next start`) the route serves these paths. See
// docs/decisions.md, "The production server".

const CLOSE_GRACE_MS = 5_000;

export interface ProductionServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

export async function startProductionServer(options: { hostname: string; port: number; dir?: string }): Promise<ProductionServer> {
  const server = createServer();
  // Listen first, as `next start` does: a port in use fails before Next starts anything
  // (the embedded database, the ticker). Requests that arrive meanwhile wait for Next.
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.hostname, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const app = next({ dev: false, dir: options.dir ?? process.cwd(), hostname: options.hostname, port: options.port, httpServer: server });
  const ready = app.prepare().then(() => app.getRequestHandler());
  ready.catch(() => {}); // the caller gets the error from the await below
  let handle: Awaited<typeof ready> | undefined;
  const serve = (next: NonNullable<typeof handle>, req: IncomingMessage, res: ServerResponse) => {
    const token = webhookToken(req.method, req.url);
    return token !== null ? serveWebhook(req, res, token) : next(req, res);
  };
  server.on("request", (req, res) => {
    // Until Next is ready, requests wait for it — webhooks too: Next loads the .env files the
    // listener's settings come from.
    (handle ? serve(handle, req, res) : ready.then((next) => serve(next, req, res))).catch((error: unknown) => {
      console.error("[server] request failed:", error instanceof Error ? error.message.slice(0, 200) : "unknown");
      if (!res.headersSent) {
        res.statusCode = 500;
        res.end("Internal Server Error");
      }
    });
  });
  // Upgrades (WebSocket) are Next's: given the server (httpServer above), it listens for them itself.
  try {
    handle = await ready;
  } catch (error) {
    server.close();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  const host = options.hostname.includes(":") ? `[${options.hostname}]` : options.hostname;
  return {
    url: `http://${host}:${port}`,
    server,
    /** Stops taking connections, lets requests in flight finish (5 s at most), stops Next. */
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const force = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
      await closed;
      clearTimeout(force);
      await app.close();
    },
  };
}
