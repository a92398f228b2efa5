// The add-channel form as data: which fields each kind asks for, and how the submitted form
// becomes the body channelCreateSchema (lib/alerts/channels.ts) checks. Shared by the dialog
// and its server action.

export const CHANNEL_KIND_OPTIONS = [
  { kind: "slack", label: "Slack" },
  { kind: "discord", label: "Discord" },
  { kind: "email", label: "Email (SendGrid)" },
  { kind: "webhook", label: "Webhook (signed)" },
] as const;
export type ChannelFormKind = (typeof CHANNEL_KIND_OPTIONS)[number]["kind"];

export interface ChannelField {
  name: string;
  label: string;
  type: "url" | "password" | "email" | "text";
  placeholder: string;
  help?: string;
}

export const CHANNEL_FIELDS: Record<ChannelFormKind, ChannelField[]> = {
  slack: [
    {
      name: "webhook_url",
      label: "Incoming webhook URL",
      type: "password",
      placeholder: "https://hooks.slack.com/services/…",
      help: "The URL is its own secret: it is stored encrypted and never shown again.",
    },
  ],
  discord: [
    {
      name: "webhook_url",
      label: "Webhook URL",
      type: "password",
      placeholder: "https://discord.com/api/webhooks/…",
      help: "The URL is its own secret: it is stored encrypted and never shown again.",
    },
  ],
  email: [
    { name: "sendgrid_api_key", label: "SendGrid API key", type: "password", placeholder: "SG.…", help: "Stored encrypted; never shown again." },
    { name: "from", label: "From", type: "email", placeholder: "alerts@example.com", help: "A sender verified in SendGrid." },
    { name: "to", label: "To", type: "text", placeholder: "ops@example.com, oncall@example.com", help: "One or more addresses, separated by commas." },
  ],
  webhook: [
    {
      name: "url",
      label: "Endpoint URL",
      type: "url",
      placeholder: "https://example.com/hooks/junction",
      help: "Requests are signed per Standard Webhooks; the signing secret is shown once after saving.",
    },
  ],
};

export function isChannelKind(value: unknown): value is ChannelFormKind {
  return CHANNEL_KIND_OPTIONS.some((o) => o.kind === value);
}

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value.trim() : "";
};

/** Only the fields of the chosen kind; the schema reports anything missing or malformed. */
export function channelInputFromForm(form: FormData): Record<string, unknown> {
  const kind = text(form, "kind");
  const input: Record<string, unknown> = { kind, name: text(form, "name") };
  if (!isChannelKind(kind)) return input;
  for (const field of CHANNEL_FIELDS[kind]) {
    const value = text(form, field.name);
    input[field.name] =
      kind === "email" && field.name === "to"
        ? value
            .split(/[,;\s]+/)
            .map((s) => s.trim())
            .filter(Boolean)
        : value;
  }
  return input;
}
