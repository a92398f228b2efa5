"use client";

import { useState, useTransition } from "react";
import { Copy, RefreshCw } from "lucide-react";
import { toast } from "sonner";
import { rotateWebhookAction } from "@/app/(hub)/flows/actions";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

/** The webhook URL (only known right after it is made), a copy button, and regenerate. */
export function WebhookUrl({ flowId, url, onUrl, canEdit }: { flowId: string | null; url: string | null; onUrl: (url: string) => void; canEdit: boolean }) {
  const [pending, startTransition] = useTransition();
  const [copied, setCopied] = useState(false);
  if (!flowId) return <p className="text-sm text-muted-foreground">Save the flow to get its webhook URL.</p>;
  const regenerate = () =>
    startTransition(async () => {
      const result = await rotateWebhookAction(flowId);
      if (!result.ok || !result.webhookUrl) return void toast.error(result.error ?? "Could not make a new URL.");
      onUrl(result.webhookUrl);
      toast.success("New webhook URL made; the old one no longer works.");
    });
  return (
    <div className="grid gap-2">
      <Label htmlFor="webhook-url">Webhook URL</Label>
      {url ? (
        <div className="flex gap-2">
          <Input id="webhook-url" readOnly value={url} className="font-mono text-xs" onFocus={(e) => e.target.select()} />
          <Button
            type="button"
            variant="outline"
            aria-label="Copy webhook URL"
            onClick={async () => {
              await navigator.clipboard?.writeText(url).catch(() => undefined);
              setCopied(true);
              toast.success("Webhook URL copied.");
              setTimeout(() => setCopied(false), 2000);
            }}
          >
            <Copy aria-hidden="true" />
            {copied ? "Copied" : "Copy"}
          </Button>
        </div>
      ) : (
        <p className="text-sm text-muted-foreground">
          Only a hash of the URL&apos;s secret token is kept, so the URL is shown once, when it is made. Regenerate it to see a new one.
        </p>
      )}
      {url ? <p className="text-xs text-muted-foreground">Copy it now: it is shown only until you leave this page.</p> : null}
      {canEdit ? (
        <AlertDialog>
          <AlertDialogTrigger asChild>
            <Button type="button" variant="outline" size="sm" className="justify-self-start" disabled={pending}>
              <RefreshCw aria-hidden="true" />
              Regenerate URL
            </Button>
          </AlertDialogTrigger>
          <AlertDialogContent>
            <AlertDialogHeader>
              <AlertDialogTitle>Regenerate the webhook URL?</AlertDialogTitle>
              <AlertDialogDescription>The current URL stops working at once; services sending to it must be given the new one.</AlertDialogDescription>
            </AlertDialogHeader>
            <AlertDialogFooter>
              <AlertDialogCancel>Cancel</AlertDialogCancel>
              <AlertDialogAction onClick={regenerate}>Regenerate</AlertDialogAction>
            </AlertDialogFooter>
          </AlertDialogContent>
        </AlertDialog>
      ) : null}
    </div>
  );
}
