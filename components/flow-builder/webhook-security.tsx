"use client";

import { useId } from "react";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import type { Trigger } from "@/lib/flows/definition";

type WebhookTrigger = Extract<Trigger, { type: "webhook" }>;
type Signature = NonNullable<WebhookTrigger["signature"]>;
type Scheme = Signature["scheme"];

const SCHEMES: { value: Scheme; label: string; secretHint: string }[] = [
  { value: "none", label: "None: accept any request to the URL", secretHint: "" },
  { value: "stripe", label: "Stripe (Stripe-Signature)", secretHint: "The endpoint's signing secret from the Stripe dashboard (whsec_…)." },
  { value: "github", label: "GitHub (X-Hub-Signature-256)", secretHint: "The secret typed when the webhook was added to the repository." },
  { value: "slack", label: "Slack (X-Slack-Signature)", secretHint: "The app's signing secret (Basic Information in the Slack app settings)." },
  { value: "shopify", label: "Shopify (X-Shopify-Hmac-Sha256)", secretHint: "The app's client secret, or the webhook signing key shown in the store's notifications settings." },
  { value: "standard-webhooks", label: "Standard Webhooks (webhook-signature)", secretHint: "The sender's secret (whsec_…)." },
  { value: "generic-hmac", label: "Other: HMAC of the body in a header", secretHint: "The shared secret the sender signs with." },
];

/**
 * Who may call the webhook: the signature scheme its sender uses and the signing secret. The
 * secret is write-only: it goes to the server when the flow is saved and is stored encrypted;
 * the page only ever learns whether one is stored.
 */
export function WebhookSecurity({
  trigger,
  secretStored,
  disabled,
  onChange,
}: {
  trigger: WebhookTrigger;
  secretStored: boolean;
  disabled: boolean;
  onChange: (trigger: WebhookTrigger) => void;
}) {
  const id = useId();
  const signature: Signature = trigger.signature ?? { scheme: "none" };
  const scheme = SCHEMES.find((s) => s.value === signature.scheme) ?? SCHEMES[0];
  const set = (next: Partial<Signature>) => {
    const merged = { ...signature, ...next };
    onChange({ ...trigger, signature: merged.scheme === "none" ? undefined : merged });
  };
  const newSecret = signature.secret ?? "";
  return (
    <section aria-label="Webhook security" className="grid gap-3 rounded-md border p-3">
      <h3 className="text-sm font-medium">Security</h3>
      <div className="grid gap-1.5">
        <Label htmlFor={`${id}-scheme`}>Signature check</Label>
        <Select
          value={signature.scheme}
          disabled={disabled}
          onValueChange={(value) => set(value === "generic-hmac" ? { scheme: value, header: signature.header ?? "X-Signature" } : { scheme: value as Scheme })}
        >
          <SelectTrigger id={`${id}-scheme`} aria-label="Signature check" className="w-full">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            {SCHEMES.map((s) => (
              <SelectItem key={s.value} value={s.value}>
                {s.label}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      </div>
      {signature.scheme === "none" ? (
        <p className="text-xs text-muted-foreground">Anyone who knows the URL can start the flow. Pick the sender&apos;s scheme to refuse requests it did not sign.</p>
      ) : (
        <>
          <div className="grid gap-1.5">
            <Label htmlFor={`${id}-secret`}>Signing secret</Label>
            <Input
              id={`${id}-secret`}
              type="password"
              autoComplete="off"
              spellCheck={false}
              disabled={disabled}
              value={newSecret}
              placeholder={secretStored ? "•••••••• (stored; type to replace)" : "Paste the secret"}
              onChange={(e) => set({ secret: e.target.value === "" ? undefined : e.target.value })}
            />
            <p className="text-xs text-muted-foreground">{scheme.secretHint}</p>
            <p role="status" className="text-xs">
              {newSecret
                ? "The new secret is saved, encrypted, with the flow; it cannot be shown again."
                : secretStored
                  ? "A signing secret is stored (encrypted). Deliveries must be signed with it."
                  : "No signing secret is stored yet: every delivery is refused until one is saved."}
            </p>
          </div>
          {signature.scheme === "generic-hmac" ? <GenericHmacFields signature={signature} disabled={disabled} onChange={set} /> : null}
        </>
      )}
    </section>
  );
}

function GenericHmacFields({
  signature,
  disabled,
  onChange,
}: {
  signature: Signature;
  disabled: boolean;
  onChange: (next: Partial<Signature>) => void;
}) {
  const id = useId();
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <div className="grid gap-1.5">
        <Label htmlFor={`${id}-header`}>Signature header</Label>
        <Input id={`${id}-header`} disabled={disabled} value={signature.header ?? ""} onChange={(e) => onChange({ header: e.target.value || undefined })} />
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor={`${id}-prefix`}>Prefix before the digest</Label>
        <Input id={`${id}-prefix`} disabled={disabled} placeholder="e.g. sha256=" value={signature.prefix ?? ""} onChange={(e) => onChange({ prefix: e.target.value || undefined })} />
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor={`${id}-algorithm`}>Algorithm</Label>
        <Select value={signature.algorithm ?? "sha256"} disabled={disabled} onValueChange={(v) => onChange({ algorithm: v as Signature["algorithm"] })}>
          <SelectTrigger id={`${id}-algorithm`} aria-label="Algorithm" className="w-full">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value="sha256">HMAC-SHA256</SelectItem>
            <SelectItem value="sha1">HMAC-SHA1</SelectItem>
            <SelectItem value="sha512">HMAC-SHA512</SelectItem>
          </SelectContent>
        </Select>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor={`${id}-encoding`}>Digest encoding</Label>
        <Select value={signature.encoding ?? "hex"} disabled={disabled} onValueChange={(v) => onChange({ encoding: v as Signature["encoding"] })}>
          <SelectTrigger id={`${id}-encoding`} aria-label="Digest encoding" className="w-full">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value="hex">Hex</SelectItem>
            <SelectItem value="base64">Base64</SelectItem>
          </SelectContent>
        </Select>
      </div>
    </div>
  );
}
