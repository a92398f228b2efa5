import { request as httpRequest, type Agent, type IncomingHttpHeaders } from "node:http";
import { startTestServer, type TestServer } from "@/lib/http/test-server";
import { serveWebhook, webhookToken } from "../node-listener";

// Test helpers (not used by the app): the production server's webhook listener on a real
// loopback port, as lib/server/production-server.ts mounts it (other paths get a plain 404),
// and a client that reads the answer even when the server stops reading the body early.

export async function startWebhookListener(options: { maxRequests?: number } = {}): Promise<TestServer> {
  return startTestServer(
    (req, res) => {
      const token = webhookToken(req.method, req.url);
      if (token !== null) return serveWebhook(req, res, token);
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not the listener's");
    },
    { streamBody: true, maxRequests: options.maxRequests ?? 200, lifetimeMs: 120_000 },
  );
}

export interface HttpAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

/**
 * Sends one request, over a fresh connection unless an `agent` is given. `chunked` sends the body in 64 KiB pieces with no
 * Content-Length. The answer is read even if the server answers before the body is all sent.
 */
export function sendOverHttp(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer; chunked?: boolean; agent?: Agent } = {},
): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const body = options.body === undefined ? undefined : Buffer.from(options.body);
    const headers = { ...options.headers };
    if (body && !options.chunked && !Object.keys(headers).some((h) => h.toLowerCase() === "content-length")) {
      headers["content-length"] = String(body.byteLength);
    }
    const req = httpRequest(url, { method: options.method ?? "POST", headers, agent: options.agent ?? false, timeout: 20_000 }, (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    req.on("timeout", () => req.destroy(new Error("no answer within 20 s")));
    // Writing on after the server has answered and closed is expected when it refused the body.
    req.on("error", (error) => !answered && reject(error));
    if (body && options.chunked) {
      for (let at = 0; at < body.byteLength; at += 64 * 1024) req.write(body.subarray(at, at + 64 * 1024));
    } else if (body) {
      req.write(body);
    }
    req.end();
  });
}
