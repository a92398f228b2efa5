import { randomBytes, randomUUID } from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import { ApiError, forbidden, fromZodError, notFound } from "@/lib/api/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { roleAtLeast, type Actor } from "@/lib/auth/types";
import { decryptJson, encryptSecret } from "@/lib/crypto";
import { getKeyRing } from "@/lib/crypto/runtime";
import { notificationChannels } from "@/lib/db/schema";
import { withUser } from "@/lib/db/scope";
import type { Queryable, Tx } from "@/lib/db/types";
import { loadEnv } from "@/lib/env";
import { isAllowed, parseAllowList } from "@/lib/http";
import {
  CHANNEL_KINDS,
  ChannelSendError,
  sendToChannel,
  type ChannelConfigs,
  type ChannelKind,
  type ChannelSecrets,
  type OpenedChannel,
  type SendOptions,
} from "./send";

// Notification channels of a workspace. The part that is a secret (a Slack or Discord
// webhook URL, which is its own token; a SendGrid API key; the generic webhook's signing
// secret) is sealed in `secret_enc` with AES-GCM bound to the row and workspace; the rest
// is plain `config`. Lists never carry a secret; the generic webhook's `whsec_` secret is
// returned once, in the creation response. Admins manage channels (RLS agrees: members read).
//
// URLs must be https. `http://` is accepted only for a host:port the operator listed in
// JUNCTION_OUTBOUND_ALLOW — that is how tests point channels at local fake servers.

const TABLE = "notification_channels";
const aad = (rowId: string, workspaceId: string) => ({ table: TABLE, rowId, workspaceId });

const SLACK_HOSTS = ["hooks.slack.com", "hooks.slack-gov.com"];
const DISCORD_HOSTS = ["discord.com", "discordapp.com", "ptb.discord.com", "canary.discord.com"];

/** True when the URL's host:port is in the operator's allow-list (JUNCTION_OUTBOUND_ALLOW). */
function operatorAllowed(url: URL): boolean {
  const port = Number(url.port || (url.protocol === "https:" ? 443 : 80));
  return isAllowed(parseAllowList(loadEnv().JUNCTION_OUTBOUND_ALLOW), url.hostname, port);
}

function channelUrl(label: string, check?: (url: URL) => string | null) {
  return z
    .string()
    .trim()
    .max(2000)
    .superRefine((value, ctx) => {
      let url: URL;
      try {
        url = new URL(value);
      } catch {
        ctx.addIssue({ code: "custom", message: `${label} must be an absolute URL` });
        return;
      }
      if (url.username || url.password) {
        ctx.addIssue({ code: "custom", message: `${label} must not contain a user name or password` });
        return;
      }
      const allowed = operatorAllowed(url);
      if (url.protocol !== "https:" && !(url.protocol === "http:" && allowed)) {
        ctx.addIssue({ code: "custom", message: `${label} must be an https URL` });
        return;
      }
      const problem = allowed ? null : (check?.(url) ?? null);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    });
}

const name = z.string().trim().min(1, "must not be empty").max(100, "must be at most 100 characters");

const slackUrl = channelUrl("webhook_url", (url) =>
  SLACK_HOSTS.includes(url.hostname) && url.pathname.startsWith("/services/")
    ? null
    : "webhook_url must be a Slack incoming webhook (https://hooks.slack.com/services/…)",
);
const discordUrl = channelUrl("webhook_url", (url) =>
  DISCORD_HOSTS.includes(url.hostname) && url.pathname.startsWith("/api/webhooks/")
    ? null
    : "webhook_url must be a Discord webhook (https://discord.com/api/webhooks/…)",
);

export const channelCreateSchema = z
  .discriminatedUnion("kind", [
    z.strictObject({ kind: z.literal("slack"), name, webhook_url: slackUrl }),
    z.strictObject({ kind: z.literal("discord"), name, webhook_url: discordUrl }),
    z.strictObject({
      kind: z.literal("email"),
      name,
      sendgrid_api_key: z
        .string()
        .trim()
        .regex(/^SG\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/, "sendgrid_api_key must look like SG.xxxx.yyyy"),
      from: z.email({ error: "from must be an email address (a verified SendGrid sender)" }),
      to: z
        .union([z.email({ error: "to must be an email address or a list of them" }), z.array(z.email({ error: "to must hold email addresses" })).min(1).max(20)])
        .transform((v) => (Array.isArray(v) ? v : [v])),
    }),
    z.strictObject({ kind: z.literal("webhook"), name, url: channelUrl("url") }),
  ])
  .meta({ id: "NotificationChannelCreate" });
export type ChannelCreateInput = z.input<typeof channelCreateSchema>;

export const channelSchema = z
  .object({
    id: z.string().uuid(),
    kind: z.enum(CHANNEL_KINDS),
    name: z.string(),
    is_active: z.boolean(),
    config: z.record(z.string(), z.unknown()).meta({ description: "Non-secret settings: the webhook host, the email sender and recipients, the generic webhook URL." }),
    created_at: z.string(),
    /** Only in the creation response of a generic webhook channel: shown once, never again. */
    signing_secret: z.string().optional(),
  })
  .meta({ id: "NotificationChannel" });
export type ChannelResponse = z.infer<typeof channelSchema>;

export const channelTestResultSchema = z.object({ ok: z.literal(true), status: z.number() }).meta({ id: "NotificationChannelTest" });

type ChannelRow = typeof notificationChannels.$inferSelect;

const secretsSchema = z.union([
  z.strictObject({ webhook_url: z.string() }),
  z.strictObject({ sendgrid_api_key: z.string() }),
  z.strictObject({ secret: z.string() }),
]);

export function presentChannel(row: ChannelRow): ChannelResponse {
  return {
    id: row.id,
    kind: row.kind as ChannelKind,
    name: row.name,
    is_active: row.isActive,
    config: (row.config ?? {}) as Record<string, unknown>,
    created_at: row.createdAt.toISOString(),
  };
}

/** Opens a row's sealed secrets; the plaintext lives only in the returned object. */
export async function openChannel(row: ChannelRow): Promise<OpenedChannel> {
  if (!row.secretEnc) throw new Error(`notification channel ${row.id} has no secret`);
  const secrets = decryptJson(await getKeyRing(), row.secretEnc, aad(row.id, row.workspaceId), secretsSchema);
  return { id: row.id, kind: row.kind, name: row.name, secrets, config: row.config } as OpenedChannel;
}

/** The active channels of a workspace, for the notifier (system scope: the caller scopes by workspace). */
export async function activeChannelRows(db: Queryable, workspaceId: string): Promise<ChannelRow[]> {
  return db
    .select()
    .from(notificationChannels)
    .where(and(eq(notificationChannels.workspaceId, workspaceId), eq(notificationChannels.isActive, true)))
    .orderBy(asc(notificationChannels.createdAt));
}

const asUser = <T>(actor: Actor, fn: (tx: Tx) => Promise<T>) => withUser({ userId: actor.userId, email: actor.email }, fn);

function requireAdmin(actor: Actor): void {
  if (!roleAtLeast(actor.role, "admin")) throw forbidden("Only admins can manage notification channels.");
}

function requireMember(actor: Actor): void {
  if (!roleAtLeast(actor.role, "member")) throw forbidden("Viewers cannot see notification channels.");
}

function split(input: z.output<typeof channelCreateSchema>): { secrets: ChannelSecrets[ChannelKind]; config: ChannelConfigs[ChannelKind]; signingSecret?: string } {
  switch (input.kind) {
    case "slack":
    case "discord":
      return { secrets: { webhook_url: input.webhook_url }, config: { host: new URL(input.webhook_url).host } };
    case "email":
      return { secrets: { sendgrid_api_key: input.sendgrid_api_key }, config: { from: input.from, to: input.to } };
    case "webhook": {
      const signingSecret = `whsec_${randomBytes(32).toString("base64")}`;
      return { secrets: { secret: signingSecret }, config: { url: input.url }, signingSecret };
    }
  }
}

/** Creates a channel (admins). A generic webhook's signing secret is in this response only. */
export async function createChannel(actor: Actor, raw: unknown): Promise<ChannelResponse> {
  requireAdmin(actor);
  const parsed = channelCreateSchema.safeParse(raw);
  if (!parsed.success) throw fromZodError(parsed.error);
  const { secrets, config, signingSecret } = split(parsed.data);
  const id = randomUUID();
  const secretEnc = encryptSecret(await getKeyRing(), secrets, aad(id, actor.workspaceId));
  const row = await asUser(actor, async (tx) => {
    const [inserted] = await tx
      .insert(notificationChannels)
      .values({ id, workspaceId: actor.workspaceId, kind: parsed.data.kind, name: parsed.data.name, secretEnc, config })
      .returning();
    await recordAudit(tx, actor, { action: "notification_channel.created", targetType: "notification_channel", targetId: id, targetName: inserted.name, details: { kind: inserted.kind } });
    return inserted;
  });
  return { ...presentChannel(row), ...(signingSecret ? { signing_secret: signingSecret } : {}) };
}

export async function listChannels(actor: Actor): Promise<ChannelResponse[]> {
  requireMember(actor);
  const rows = await asUser(actor, (tx) =>
    tx.select().from(notificationChannels).where(eq(notificationChannels.workspaceId, actor.workspaceId)).orderBy(asc(notificationChannels.createdAt)),
  );
  return rows.map(presentChannel);
}

async function loadRow(actor: Actor, id: string): Promise<ChannelRow> {
  if (!z.string().uuid().safeParse(id).success) throw notFound("No such notification channel.");
  const [row] = await asUser(actor, (tx) =>
    tx
      .select()
      .from(notificationChannels)
      .where(and(eq(notificationChannels.id, id), eq(notificationChannels.workspaceId, actor.workspaceId))),
  );
  if (!row) throw notFound("No such notification channel.");
  return row;
}

export async function deleteChannel(actor: Actor, id: string): Promise<void> {
  requireAdmin(actor);
  const row = await loadRow(actor, id);
  await asUser(actor, async (tx) => {
    await tx.delete(notificationChannels).where(and(eq(notificationChannels.id, id), eq(notificationChannels.workspaceId, actor.workspaceId)));
    await recordAudit(tx, actor, { action: "notification_channel.deleted", targetType: "notification_channel", targetId: id, targetName: row.name, details: { kind: row.kind } });
  });
}

/** Turns a channel on or off (admins); an inactive channel receives no alerts. */
export async function setChannelActive(actor: Actor, id: string, active: boolean): Promise<ChannelResponse> {
  requireAdmin(actor);
  await loadRow(actor, id);
  const row = await asUser(actor, async (tx) => {
    const [updated] = await tx
      .update(notificationChannels)
      .set({ isActive: active, updatedAt: new Date() })
      .where(and(eq(notificationChannels.id, id), eq(notificationChannels.workspaceId, actor.workspaceId)))
      .returning();
    await recordAudit(tx, actor, { action: "notification_channel.updated", targetType: "notification_channel", targetId: id, targetName: updated.name, details: { enabled: active } });
    return updated;
  });
  return presentChannel(row);
}

/** Sends a test message now; a refusal by the endpoint is a 502 with its (redacted) reason. */
export async function testChannel(actor: Actor, id: string, options: SendOptions & { publicUrl?: string } = {}): Promise<{ ok: true; status: number }> {
  requireAdmin(actor);
  const channel = await openChannel(await loadRow(actor, id));
  try {
    const { status } = await sendToChannel(
      channel,
      {
        event: "alert.test",
        alertId: null,
        kind: null,
        title: `Test message from Junction for channel "${channel.name}"`,
        flowName: null,
        error: null,
        link: options.publicUrl ?? publicUrl(),
        occurrences: 1,
        at: new Date(),
      },
      options,
    );
    return { ok: true, status };
  } catch (error) {
    if (error instanceof ChannelSendError) throw new ApiError(502, "channel_send_failed", `The test message was not delivered: ${error.message}`);
    throw error;
  }
}

/** Where links in messages point: JUNCTION_PUBLIC_URL, else the embedded server. */
export function publicUrl(): string {
  return (loadEnv().JUNCTION_PUBLIC_URL ?? "http://127.0.0.1:3000").replace(/\/+$/, "");
}
