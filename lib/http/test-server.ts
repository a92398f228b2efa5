import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

// Test helper (not used by the app): a real HTTP server on a loopback port that records what
// it received. Bounded: it answers at most `maxRequests` requests and shuts itself after
// `lifetimeMs`, so a test that goes wrong cannot leave it serving.

export type RecordedRequest = { method: string; url: string; headers: IncomingHttpHeaders; body: string };

export type TestServer = {
  port: number;
  origin: string;
  requests: RecordedRequest[];
  /** TCP connections accepted, whether or not a request followed. */
  connections(): number;
  /** TCP connections open right now. */
  open(): number;
  close(): Promise<void>;
};

type Handler = (req: IncomingMessage, res: ServerResponse, recorded: RecordedRequest) => unknown;

export async function startTestServer(
  handler: Handler,
  options: {
    host?: string;
    maxRequests?: number;
    lifetimeMs?: number;
    /** Hand the request over unread (the handler reads the body itself; `recorded.body` stays ""). */
    streamBody?: boolean;
  } = {},
): Promise<TestServer> {
  const host = options.host ?? "127.0.0.1";
  const maxRequests = options.maxRequests ?? 20;
  const requests: RecordedRequest[] = [];

  const server = createServer((req, res) => {
    if (requests.length >= maxRequests) {
      req.socket.destroy();
      return;
    }
    if (options.streamBody) {
      const recorded = { method: req.method ?? "", url: req.url ?? "", headers: req.headers, body: "" };
      requests.push(recorded);
      Promise.resolve(handler(req, res, recorded)).catch(() => res.destroy());
      return;
    }
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const recorded = { method: req.method ?? "", url: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") };
      requests.push(recorded);
      Promise.resolve(handler(req, res, recorded)).catch(() => res.destroy());
    });
  });

  let connections = 0;
  let open = 0;
  server.on("connection", (socket) => {
    connections++;
    open++;
    socket.once("close", () => open--);
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, host, () => resolve());
  });
  const lifetime = setTimeout(() => void close(), options.lifetimeMs ?? 20_000);
  lifetime.unref();

  let closed: Promise<void> | undefined;
  function close(): Promise<void> {
    clearTimeout(lifetime);
    closed ??= new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    return closed;
  }

  const { port } = server.address() as AddressInfo;
  return { port, origin: `http://${host}:${port}`, requests, connections: () => connections, open: () => open, close };
}

/** A port nothing listens on (bound, then released). */
export async function unusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
