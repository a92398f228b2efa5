// A stand-in for an outside service in browser tests: a real HTTP server on a free port of
// 127.0.0.1, with bounded timeouts, and its teardown.
import { createServer, type RequestListener, type Server } from "node:http";

export interface FakeService {
  server: Server;
  /** http://127.0.0.1:<port>, no trailing slash. */
  url: string;
  close(): Promise<void>;
}

export async function startFakeService(handler: RequestListener, timeoutMs = 5_000): Promise<FakeService> {
  const server = createServer(handler);
  server.requestTimeout = timeoutMs;
  server.headersTimeout = timeoutMs;
  server.keepAliveTimeout = 1_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("the fake service has no port");
  return {
    server,
    url: `http://127.0.0.1:${address.port}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
