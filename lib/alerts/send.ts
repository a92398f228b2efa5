import { createHmac, randomUUID } from "node:crypto";
import { prepareAction, splitAuth } from "@/lib/connectors/request";
import { sendgrid } from "@/lib/connectors/sendgrid";
import { sendEmail } from "@/lib/connectors/sendgrid/actions/send-email";
import type { ConnectorDefinition } from "@/lib/connectors/types";
import { outboundFetch, redact, type OutboundRequest } from "@/lib/http";

// One table keyed by channel kind: how an alert message becomes a request to Slack, Discord,
// SendGrid or a generic Standard Webhooks endpoint. Every request goes through outboundFetch
// (SSRF guard, timeouts) with the channel's secret values passed for redaction, so an error
// message never carries a webhook URL token or an API key.

export const CHANNEL_KINDS = ["slack", "discord", "email", "webhook"] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

/** What the sealed `secret_enc` of each kind holds. */
export interface ChannelSecrets {
  slack: { webhook_url: string };
  discord: { webhook_url: string };
  email: { sendgrid_api_key: string };
  webhook: { secret: string };
}

/** What the plain `config` of each kind holds (shown in lists). */
export interface ChannelConfigs {
  slack: { host: string };
  discord: { host: string };
  email: { from: string; to: string[] };
  webhook: { url: string };
}

export type OpenedChannel = {
  [K in ChannelKind]: { id: string; kind: K; name: string; secrets: ChannelSecrets[K]; config: ChannelConfigs[K] };
}[ChannelKind];

/** One notification, whatever the channel. */
export interface AlertMessage {
  /** "alert.opened" | "alert.resolved" | "alert.test" — the generic webhook's event type. */
  event: "alert.opened" | "alert.resolved" | "alert.test";
  alertId: string | null;
  kind: string | null;
  title: string;
  flowName: string | null;
  error: string | null;
  link: string | null;
  occurrences: number;
  at: Date;
}

export interface SendOptions {
  timeoutMs?: number;
  /** Test seam: the SendGrid definition to build with (e.g. pointed at a local fake). */
  sendgridDefinition?: ConnectorDefinition;
}

export class ChannelSendError extends Error {
  constructor(
    message: string,
    public readonly status?: number,
  ) {
    super(message);
    this.name = "ChannelSendError";
  }
}

const SEND_TIMEOUT_MS = 10_000;
const MAX_ERROR_CHARS = 1500;

/** The plain-text lines every human-facing channel shows. */
export function messageText(message: AlertMessage): string {
  const icon = message.event === "alert.resolved" ? "✅ Resolved:" : message.event === "alert.test" ? "🔔" : "🚨";
  const lines = [`${icon} ${message.title}`];
  if (message.flowName) lines.push(`Flow: ${message.flowName}`);
  if (message.error && message.event !== "alert.resolved") lines.push(`Error: ${message.error.slice(0, MAX_ERROR_CHARS)}`);
  if (message.occurrences > 1 && message.event === "alert.opened") lines.push(`Occurrences: ${message.occurrences}`);
  if (message.link) lines.push(message.link);
  return lines.join("\n");
}

/** The generic webhook's JSON payload. */
export function webhookPayload(message: AlertMessage): Record<string, unknown> {
  return {
    type: message.event,
    timestamp: message.at.toISOString(),
    data: {
      alert_id: message.alertId,
      kind: message.kind,
      title: message.title,
      flow_name: message.flowName,
      error: message.error,
      link: message.link,
      occurrences: message.occurrences,
    },
  };
}

/**
 * The Standard Webhooks signature (https://www.standardwebhooks.com): `v1,` + base64
 * HMAC-SHA256 of `${id}.${timestamp}.${body}` keyed with the base64 part of `whsec_…`.
 */
export function signStandardWebhook(secret: string, id: string, timestampSeconds: number, body: string): string {
  const key = Buffer.from(secret.startsWith("whsec_") ? secret.slice("whsec_".length) : secret, "base64");
  return `v1,${createHmac("sha256", key).update(`${id}.${timestampSeconds}.${body}`).digest("base64")}`;
}

/** The SendGrid request for an email channel, built by the connector's own send_email action; nothing is sent. */
export function buildSendgridRequest(
  channel: { secrets: ChannelSecrets["email"]; config: ChannelConfigs["email"] },
  message: AlertMessage,
  def: ConnectorDefinition = sendgrid,
) {
  const subject = `${message.event === "alert.resolved" ? "Resolved: " : ""}${message.title}`.replace(/[\r\n]+/g, " ").slice(0, 200);
  return prepareAction(
    def,
    sendEmail,
    { to: channel.config.to, from: channel.config.from, subject, text: messageText(message) },
    { connection: { authType: "api_key", credentials: { api_key: channel.secrets.sendgrid_api_key } } },
  ).request;
}

type Prepared = { request: OutboundRequest; credentials?: { headers: Record<string, string>; hosts: string[] }; secrets: string[] };

const jsonPost = (url: string, body: unknown, headers: Record<string, string> = {}): OutboundRequest => ({
  method: "POST",
  url,
  headers: { "content-type": "application/json", ...headers },
  body: JSON.stringify(body),
});

// The table: one builder per kind. Adding a kind means one entry here and one schema in channels.ts.
const builders: { [K in ChannelKind]: (channel: Extract<OpenedChannel, { kind: K }>, message: AlertMessage, options: SendOptions) => Prepared } = {
  slack: (channel, message) => ({
    request: jsonPost(channel.secrets.webhook_url, { text: messageText(message) }),
    secrets: [channel.secrets.webhook_url, ...urlSecrets(channel.secrets.webhook_url)],
  }),
  discord: (channel, message) => ({
    // Discord caps content at 2000 characters; mentions are disabled so an error text cannot ping anyone.
    request: jsonPost(channel.secrets.webhook_url, { content: messageText(message).slice(0, 2000), allowed_mentions: { parse: [] } }),
    secrets: [channel.secrets.webhook_url, ...urlSecrets(channel.secrets.webhook_url)],
  }),
  email: (channel, message, options) => {
    const { request, credentials } = splitAuth(buildSendgridRequest(channel, message, options.sendgridDefinition));
    return {
      request: { method: request.method, url: request.url, headers: request.headers, body: request.body },
      credentials: credentials && { headers: credentials.headers, hosts: credentials.hosts },
      secrets: [channel.secrets.sendgrid_api_key],
    };
  },
  webhook: (channel, message) => {
    const id = `msg_${randomUUID().replace(/-/g, "")}`;
    const timestamp = Math.floor(message.at.getTime() / 1000);
    const body = JSON.stringify(webhookPayload(message));
    return {
      request: {
        method: "POST",
        url: channel.config.url,
        headers: {
          "content-type": "application/json",
          "webhook-id": id,
          "webhook-timestamp": String(timestamp),
          "webhook-signature": signStandardWebhook(channel.secrets.secret, id, timestamp, body),
        },
        body,
      },
      secrets: [channel.secrets.secret],
    };
  },
};

/** The path and query of a webhook URL carry its token: redact them too, not only the whole URL. */
function urlSecrets(url: string): string[] {
  try {
    const parsed = new URL(url);
    return [parsed.pathname + parsed.search, ...parsed.pathname.split("/").filter((s) => s.length >= 8)];
  } catch {
    return [];
  }
}

/** Sends one message to one channel; throws ChannelSendError (redacted) on a refused or failed call. */
export async function sendToChannel(channel: OpenedChannel, message: AlertMessage, options: SendOptions = {}): Promise<{ status: number }> {
  const build = builders[channel.kind] as (c: OpenedChannel, m: AlertMessage, o: SendOptions) => Prepared;
  const prepared = build(channel, message, options);
  let status: number;
  let answer = "";
  try {
    const response = await outboundFetch(prepared.request, {
      credentials: prepared.credentials,
      secrets: prepared.secrets,
      timeoutMs: options.timeoutMs ?? SEND_TIMEOUT_MS,
      maxResponseBytes: 64 * 1024,
      maxRedirects: 0,
    });
    status = response.status;
    if (status >= 300) answer = response.text().slice(0, 300);
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    throw new ChannelSendError(redact(text, prepared.secrets));
  }
  if (status >= 300) {
    throw new ChannelSendError(redact(`The ${channel.kind} endpoint answered ${status}${answer ? `: ${answer}` : ""}`, prepared.secrets), status);
  }
  return { status };
}
