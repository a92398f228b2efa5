import { matchesCredentialHost } from "@/lib/http/credential-hosts";
import { parseCredentials, findAuth } from "./credentials";
import { fillTemplate } from "./paths";
import type { AuthType, ConnectorDefinition, Credentials } from "./types";

// Auth injection and credential hosts, driven only by each connector's declared data.

export interface AppliedAuth {
  headers: Record<string, string>;
  query: Record<string, string>;
}

/** Where a connection's credentials go on a request. Pure; validates the credentials first. */
export function applyAuth(def: ConnectorDefinition, authType: AuthType, credentials: unknown): AppliedAuth {
  const spec = findAuth(def, authType);
  const values = parseCredentials(def, authType, credentials);
  const inject = spec.inject;
  switch (inject.in) {
    case "header":
      return { headers: { [fillTemplate(inject.name, values)]: fillTemplate(inject.value, values) }, query: {} };
    case "query":
      return { headers: {}, query: { [fillTemplate(inject.name, values)]: fillTemplate(inject.value, values) } };
    case "basic": {
      const pair = `${fillTemplate(inject.username, values)}:${fillTemplate(inject.password, values)}`;
      return { headers: { Authorization: `Basic ${Buffer.from(pair, "utf8").toString("base64")}` }, query: {} };
    }
    case "none":
      return { headers: {}, query: {} };
  }
}

/** The host patterns this connection's credentials may be sent to (lower-case). */
export function credentialHosts(def: ConnectorDefinition, credentials: Credentials = {}): string[] {
  const hosts = typeof def.hosts === "function" ? def.hosts(credentials) : def.hosts;
  return hosts.map((h) => h.toLowerCase());
}

/** `api.example.com` matches itself; `*.example.com` matches any subdomain, not the apex. */
export function hostMatches(pattern: string, host: string): boolean {
  // The same rule the outbound client applies when it attaches credentials.
  return matchesCredentialHost(host, [pattern]);
}

export function isCredentialHost(def: ConnectorDefinition, credentials: Credentials, url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return false;
  return credentialHosts(def, credentials).some((pattern) => hostMatches(pattern, parsed.hostname));
}
