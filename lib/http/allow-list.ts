import ipaddr from "ipaddr.js";
import { isIP } from "node:net";

// The operator's escape hatch: `JUNCTION_OUTBOUND_ALLOW=127.0.0.1:8080,fake.internal:443`
// lets exactly those host:port pairs through the address policy (tests use it to reach local
// fakes). `host:*` opens every port of a host. Nothing else is widened.

export type AllowEntry = { host: string; port: number | "*" };

const ENTRY = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+):(\d{1,5}|\*)$/;

/** Parses the env value or an array of `host:port` strings; a malformed entry throws. */
export function parseAllowList(value: string | readonly string[] | undefined): AllowEntry[] {
  const items = typeof value === "string" ? value.split(",") : (value ?? []);
  return items
    .map((item) => item.trim())
    .filter(Boolean)
    .map((item) => {
      const match = ENTRY.exec(item);
      const port = match?.[2] === "*" ? "*" : Number(match?.[2]);
      if (!match || (port !== "*" && (port < 1 || port > 65535))) {
        throw new TypeError(`Outbound allow-list entry "${item}" is not host:port`);
      }
      return { host: normalizeHost(match[1]), port };
    });
}

/** True when host (a name or an address, from the URL or from DNS) and port are listed. */
export function isAllowed(entries: readonly AllowEntry[], host: string, port: number): boolean {
  if (entries.length === 0) return false;
  const wanted = normalizeHost(host);
  return entries.some((e) => e.host === wanted && (e.port === "*" || e.port === port));
}

/** Lower case, no brackets, no trailing dot; IP addresses in canonical form. */
export function normalizeHost(host: string): string {
  const bare = host.trim().toLowerCase().replace(/^\[(.*)\]$/, "$1").replace(/\.$/, "");
  return isIP(bare) ? ipaddr.parse(bare).toString() : bare;
}
