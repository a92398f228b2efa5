import { domainToASCII } from "node:url";
import { normalizeHost } from "./allow-list";

// Credentials go only to the hosts a connector declares: an exact host name
// ("api.stripe.com") or a wildcard of its subdomains ("*.myshopify.com", which matches
// "a.myshopify.com" and "a.b.myshopify.com" but not "myshopify.com" itself). Matching is on
// whole labels, so "api.example.com.evil.com" and "evilexample.com" never match. A pattern
// that is not a plain host name (scheme, port, path, "*" alone, "*.com") matches nothing.

const LABELS = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;

type Pattern = { exact: string } | { suffix: string };

function parsePattern(pattern: string): Pattern | undefined {
  const wildcard = pattern.trim().startsWith("*.");
  const rest = pattern.trim().slice(wildcard ? 2 : 0);
  if (rest.includes(":")) {
    // An IPv6 literal may be declared exactly, never as a wildcard.
    const host = normalizeHost(rest);
    return !wildcard && host.includes(":") && !/[^0-9a-f:.]/.test(host) ? { exact: host } : undefined;
  }
  const host = domainToASCII(normalizeHost(rest));
  if (!host || !LABELS.test(host)) return undefined;
  // "*.com" would be every .com host and "*.0.1" an address range: neither is a declaration.
  if (wildcard) return host.includes(".") && /[a-z]/.test(host.split(".").pop()!) ? { suffix: `.${host}` } : undefined;
  return { exact: host };
}

/** True when `hostname` (as in `URL.hostname`) is one of the declared credential hosts. */
export function matchesCredentialHost(hostname: string, patterns: readonly string[]): boolean {
  const host = normalizeHost(hostname);
  if (!host) return false;
  return patterns.some((raw) => {
    const pattern = parsePattern(raw);
    if (!pattern) return false;
    if ("exact" in pattern) return host === pattern.exact;
    return host.endsWith(pattern.suffix) && host.length > pattern.suffix.length;
  });
}
