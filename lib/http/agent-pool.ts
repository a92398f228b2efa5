import { Agent } from "undici";
import type { AllowEntry } from "./allow-list";
import { guardedConnector } from "./guarded-connect";

// Kept-alive connections for outbound calls: one undici Agent per allow-list, shared by every
// call with that allow-list, instead of a new Agent (a TCP connect, and over https a TLS
// handshake) per call. The SSRF guard is unchanged: every socket the Agent opens goes
// through guardedConnector at connect time, so a pooled socket is one that passed it, and
// only calls with the same allow-list share it. Nothing else is kept between calls: headers
// and credentials are per request, a body cut off at the size cap or a call aborted by its
// deadline destroys its socket (undici never returns an unfinished response's socket to the
// pool), and idle sockets close after KEEP_ALIVE_MS.

/** A pooled Agent's connect timeout. Calls with a longer deadline, or their own connect timeout, get an Agent of their own. */
export const POOL_CONNECT_TIMEOUT_MS = 30_000;
/** How long an idle connection stays open (a server's shorter Keep-Alive hint wins). */
export const KEEP_ALIVE_MS = 4_000;
/** Connections per origin; calls beyond that wait for a free one, within their deadline. */
export const MAX_CONNECTIONS_PER_ORIGIN = 64;
const MAX_POOLS = 8;

const pools = new Map<string, Agent>();

/** The shared Agent for this allow-list. */
export function pooledAgent(allow: readonly AllowEntry[]): Agent {
  const key = JSON.stringify(allow);
  let agent = pools.get(key);
  if (!agent) {
    if (pools.size >= MAX_POOLS) {
      // Allow-lists rarely change (an operator setting); the oldest pool goes.
      const [oldestKey, oldest] = pools.entries().next().value!;
      pools.delete(oldestKey);
      void oldest.close().catch(() => undefined);
    }
    agent = new Agent({
      connect: guardedConnector({ allow, connectTimeoutMs: POOL_CONNECT_TIMEOUT_MS }),
      keepAliveTimeout: KEEP_ALIVE_MS,
      keepAliveMaxTimeout: KEEP_ALIVE_MS,
      connections: MAX_CONNECTIONS_PER_ORIGIN,
    });
    pools.set(key, agent);
  }
  return agent;
}

/** Closes every pooled connection (a worker shutting down, or a test that counts connections). */
export async function closePooledAgents(): Promise<void> {
  const agents = [...pools.values()];
  pools.clear();
  await Promise.all(agents.map((agent) => agent.close().catch(() => undefined)));
}
