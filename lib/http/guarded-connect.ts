import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from "node:dns";
import { isIP, type Socket } from "node:net";
import { buildConnector } from "undici";
import { checkAddress } from "./address-policy";
import { isAllowed, type AllowEntry } from "./allow-list";
import { OutboundBlockedError, OutboundNetworkError } from "./errors";

// The SSRF guard lives where the socket is made, so the address that is checked is the
// address that is connected to (no check-then-resolve-again gap, DNS rebinding included):
//  - a literal IP host is checked before connecting (net.connect skips lookup for those);
//  - a host name is resolved by our lookup, which refuses if ANY answer is refused;
//  - after connecting, the peer address is checked once more as a backstop.
// An allow-list entry matching the URL's host:port, or a resolved address:port, lets it through.

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** An undici connector that refuses every address the policy refuses. */
export function guardedConnector(options: { allow: readonly AllowEntry[]; connectTimeoutMs: number }): buildConnector.connector {
  const { allow, connectTimeoutMs } = options;
  const permitted = (address: string, port: number) => isAllowed(allow, address, port) || checkAddress(address).allowed;

  return (target, callback) => {
    const host = target.hostname;
    const port = Number(target.port) || (target.protocol === "https:" ? 443 : 80);
    if (isAllowed(allow, host, port)) {
      buildConnector({ timeout: connectTimeoutMs })(target, callback);
      return;
    }
    if (isIP(host)) {
      const refusal = refusalFor(host, port, host, allow);
      if (refusal) return callback(refusal, null);
    }

    const connect = buildConnector({ timeout: connectTimeoutMs, lookup: guardedLookup(host, port, allow) });
    connect(target, (error, socket) => {
      if (error || !socket) return callback(error ?? new OutboundNetworkError(host, undefined, "no socket"), null);
      const peer = (socket as Socket).remoteAddress;
      if (!peer || !permitted(peer, port)) {
        socket.destroy();
        return callback(refusalFor(host, port, peer ?? "an unknown address", allow) ?? new OutboundNetworkError(host, undefined, "connection closed"), null);
      }
      callback(null, socket);
    });
  };
}

function refusalFor(host: string, port: number, address: string, allow: readonly AllowEntry[]): OutboundBlockedError | undefined {
  if (isAllowed(allow, address, port)) return undefined;
  const verdict = checkAddress(address);
  if (verdict.allowed) return undefined;
  return new OutboundBlockedError(
    `${verdict.reason}; add "${host.includes(":") ? `[${host}]` : host}:${port}" to JUNCTION_OUTBOUND_ALLOW only if this target is meant to be reachable`,
    { host, port, address: verdict.address },
  );
}

function guardedLookup(host: string, port: number, allow: readonly AllowEntry[]) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      if (addresses.length === 0) {
        return callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" }), []);
      }
      for (const { address } of addresses) {
        const refusal = refusalFor(host, port, address, allow);
        if (refusal) return callback(refusal, []);
      }
      if (options.all) return callback(null, addresses);
      callback(null, addresses[0].address, addresses[0].family);
    });
  };
}
