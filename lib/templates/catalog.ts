import { getConnector } from "@/lib/connectors";
import { airtableToSheets } from "./gallery/airtable-to-google-sheets-sync";
import { githubIssueToNotion } from "./gallery/github-issue-to-notion";
import { scheduledDigest } from "./gallery/scheduled-rest-to-slack-digest";
import { shopifyOrderToSheets } from "./gallery/shopify-order-to-google-sheets";
import { stripePaymentToSlack } from "./gallery/stripe-payment-to-slack";
import { webhookToRest } from "./gallery/webhook-to-rest-api";
import type { FlowTemplate } from "./template-types";

// The gallery's ready-made flows, one file each in gallery/. Each uses real actions of the
// catalog (lib/connectors) and a trigger sample from the source connector, so the builder's
// data picker has fields to offer from the first minute. Values only the user knows are
// written as <placeholders>, which the action's own input check names when the step is tested.

export const FLOW_TEMPLATES: readonly FlowTemplate[] = [
  stripePaymentToSlack,
  githubIssueToNotion,
  shopifyOrderToSheets,
  airtableToSheets,
  webhookToRest,
  scheduledDigest,
];

export function getTemplate(slug: string): FlowTemplate | undefined {
  return FLOW_TEMPLATES.find((t) => t.slug === slug);
}

/** Name and icon of each connector a template shows, from the catalog. */
export function templateConnectors(template: FlowTemplate): { slug: string; name: string; icon: string }[] {
  return template.connectors.flatMap((slug) => {
    const def = getConnector(slug);
    return def ? [{ slug, name: def.name, icon: def.icon }] : [];
  });
}
