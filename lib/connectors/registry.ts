import { airtable } from "./airtable";
import { discord } from "./discord";
import { github } from "./github";
import { gmail } from "./gmail";
import { googleSheets } from "./google-sheets";
import { http } from "./http";
import { notion } from "./notion";
import { sendgrid } from "./sendgrid";
import { shopify } from "./shopify";
import { slack } from "./slack";
import { stripe } from "./stripe";
import type { ActionDefinition, ConnectorDefinition, TriggerDefinition } from "./types";

// The built-in catalog. A connector folder that is not listed here fails registry.test.ts.

const connectors: readonly ConnectorDefinition[] = [
  slack,
  github,
  stripe,
  gmail,
  notion,
  airtable,
  googleSheets,
  shopify,
  sendgrid,
  discord,
  http,
];

const bySlug = new Map(connectors.map((c) => [c.slug, c]));

export function listConnectors(): readonly ConnectorDefinition[] {
  return connectors;
}

export function getConnector(slug: string): ConnectorDefinition | undefined {
  return bySlug.get(slug);
}

export function getAction(slug: string, key: string): ActionDefinition | undefined {
  return getConnector(slug)?.actions.find((a) => a.key === key);
}

export function getTrigger(slug: string, key: string): TriggerDefinition | undefined {
  return getConnector(slug)?.triggers.find((t) => t.key === key);
}
