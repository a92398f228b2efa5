import ipaddr from "ipaddr.js";
import { isIP } from "node:net";

// Which IP addresses an outbound request may connect to. Fail closed: anything that is not
// plainly a public unicast address is refused, and addresses that embed an IPv4 address
// (IPv4-mapped, NAT64, 6to4) are judged by the IPv4 address inside them.

export type AddressVerdict = { allowed: true; address: string } | { allowed: false; address: string; reason: string };

const V4_REASONS: Record<string, string> = {
  unspecified: "an unspecified address (0.0.0.0/8)",
  broadcast: "the broadcast address",
  multicast: "a multicast address (224.0.0.0/4)",
  linkLocal: "a link-local address (169.254.0.0/16)",
  loopback: "a loopback address (127.0.0.0/8)",
  carrierGradeNat: "a carrier-grade NAT address (100.64.0.0/10)",
  private: "a private address (10/8, 172.16/12, 192.168/16)",
  reserved: "a reserved or documentation address",
  as112: "an AS112 address",
  amt: "an AMT relay address",
};

const V6_REASONS: Record<string, string> = {
  unspecified: "the unspecified address (::)",
  linkLocal: "a link-local address (fe80::/10)",
  multicast: "a multicast address (ff00::/8)",
  loopback: "the loopback address (::1)",
  uniqueLocal: "a unique-local address (fc00::/7)",
  deprecatedSiteLocal: "a site-local address (fec0::/10)",
  discard: "a discard-only address (100::/64)",
  teredo: "a Teredo address (2001::/32)",
  rfc6052: "a local-use NAT64 address (64:ff9b:1::/48)",
};

// Metadata services that sit on otherwise routable-looking or generic ranges; named so the
// error says what was being reached for.
const METADATA = new Map<string, string>([
  ["169.254.169.254", "a cloud metadata endpoint"],
  ["168.63.129.16", "a cloud metadata endpoint (Azure WireServer)"],
  ["fd00:ec2::254", "a cloud metadata endpoint (AWS IMDS over IPv6)"],
]);

const GLOBAL_UNICAST_V6 = ipaddr.IPv6.parse("2000::");

/**
 * Checks one IP address. Accepts the forms a URL or resolver may produce, including
 * bracketed IPv6, zone ids and the legacy IPv4 spellings (2130706433, 0x7f.1, 0177.0.0.1),
 * which are normalized the way the WHATWG URL parser does. A host name is refused.
 */
export function checkAddress(input: string): AddressVerdict {
  const parsed = parseAddress(input);
  if (!parsed) return { allowed: false, address: input, reason: "not an IP address" };
  return parsed.kind() === "ipv4" ? checkV4(parsed as ipaddr.IPv4) : checkV6(parsed as ipaddr.IPv6);
}

function parseAddress(input: string): ipaddr.IPv4 | ipaddr.IPv6 | undefined {
  let text = input.trim().replace(/^\[(.*)\]$/, "$1");
  if (!isIP(text.replace(/%.*$/, ""))) {
    // Legacy IPv4 spellings: let the URL parser do what the request itself would do.
    try {
      text = new URL(`http://${text.includes(":") ? `[${text}]` : text}/`).hostname.replace(/^\[(.*)\]$/, "$1");
    } catch {
      return undefined;
    }
  }
  const bare = text.replace(/%.*$/, "");
  return isIP(bare) ? ipaddr.parse(bare) : undefined;
}

function checkV4(ip: ipaddr.IPv4): AddressVerdict {
  const address = ip.toString();
  const metadata = METADATA.get(address);
  if (metadata) return { allowed: false, address, reason: `${address} is ${metadata}` };
  const range = ip.range();
  if (range === "unicast") return { allowed: true, address };
  return { allowed: false, address, reason: `${address} is ${V4_REASONS[range] ?? `a special-purpose address (${range})`}` };
}

function checkV6(ip: ipaddr.IPv6): AddressVerdict {
  const address = ip.toString();
  const metadata = METADATA.get(address);
  if (metadata) return { allowed: false, address, reason: `${address} is ${metadata}` };

  const embedded = embeddedV4(ip);
  if (embedded) {
    const inner = checkV4(embedded.v4);
    if (inner.allowed) return { allowed: true, address };
    return { allowed: false, address, reason: `${address} is ${embedded.form} of ${inner.reason}` };
  }

  const range = ip.range();
  if (range !== "unicast") {
    return { allowed: false, address, reason: `${address} is ${V6_REASONS[range] ?? `a special-purpose address (${range})`}` };
  }
  // Outside 2000::/3 nothing is assigned for public use (this also catches ::a.b.c.d).
  if (!ip.match(GLOBAL_UNICAST_V6, 3)) {
    return { allowed: false, address, reason: `${address} is not a global unicast address` };
  }
  return { allowed: true, address };
}

function embeddedV4(ip: ipaddr.IPv6): { v4: ipaddr.IPv4; form: string } | undefined {
  const p = ip.parts;
  const last32 = () => ipaddr.IPv4.parse(`${p[6] >> 8}.${p[6] & 0xff}.${p[7] >> 8}.${p[7] & 0xff}`);
  switch (ip.range()) {
    case "ipv4Mapped":
      return { v4: ip.toIPv4Address(), form: "an IPv4-mapped form" };
    case "rfc6145":
      return { v4: last32(), form: "an IPv4-translated form" };
    case "rfc6052":
      // 64:ff9b::/96 embeds the IPv4 address in the low 32 bits; 64:ff9b:1::/48 is local use.
      return p[1] === 0xff9b && p[2] === 0 ? { v4: last32(), form: "a NAT64 form" } : undefined;
    case "6to4":
      return { v4: ipaddr.IPv4.parse(`${p[1] >> 8}.${p[1] & 0xff}.${p[2] >> 8}.${p[2] & 0xff}`), form: "a 6to4 form" };
    default:
      return undefined;
  }
}
