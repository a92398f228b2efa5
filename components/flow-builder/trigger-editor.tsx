"use client";

import { useId, useState, useTransition } from "react";
import { Download, History } from "lucide-react";
import { toast } from "sonner";
import { loadSampleAction } from "@/app/(hub)/flows/actions";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import type { Trigger } from "@/lib/flows/definition";
import { useBuilder } from "./builder-context";
import { ScheduleEditor } from "./schedule-editor";
import { WebhookSecurity } from "./webhook-security";
import { WebhookUrl } from "./webhook-url";

export const TRIGGER_LABELS: Record<Trigger["type"], string> = { webhook: "Webhook", schedule: "Schedule", manual: "Manual" };

function browserZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  } catch {
    return "UTC";
  }
}

/** The trigger's sheet: its kind, the webhook URL or the schedule, and the sample the data picker reads. */
export function TriggerEditor({
  trigger,
  flowId,
  webhookUrl,
  secretStored,
  onWebhookUrl,
  onChange,
  onOutputs,
}: {
  trigger: Trigger;
  flowId: string | null;
  webhookUrl: string | null;
  /** A signing secret is stored for the flow's webhook (the page never sees it). */
  secretStored: boolean;
  onWebhookUrl: (url: string) => void;
  onChange: (trigger: Trigger) => void;
  onOutputs: (outputs: Record<string, unknown>) => void;
}) {
  const { canEdit } = useBuilder();
  const id = useId();
  const sample = trigger.type === "schedule" ? undefined : trigger.sample;
  const changeType = (type: Trigger["type"]) => {
    if (type === trigger.type) return;
    if (type === "schedule") onChange({ type, cron: "0 9 * * 1-5", timezone: browserZone() });
    else onChange(sample === undefined ? { type } : { type, sample: sample as never });
  };
  return (
    <div className="grid gap-5">
      <div className="grid gap-1.5">
        <Label htmlFor={`${id}-type`}>Starts with</Label>
        <Select value={trigger.type} disabled={!canEdit} onValueChange={(v) => changeType(v as Trigger["type"])}>
          <SelectTrigger id={`${id}-type`} aria-label="Trigger type" className="w-full">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value="webhook">Webhook: an HTTP request to the flow&apos;s URL</SelectItem>
            <SelectItem value="schedule">Schedule: at set times</SelectItem>
            <SelectItem value="manual">Manual: run by hand or through the API</SelectItem>
          </SelectContent>
        </Select>
      </div>
      {trigger.type === "webhook" ? (
        <>
          <WebhookUrl flowId={flowId} url={webhookUrl} onUrl={onWebhookUrl} canEdit={canEdit} />
          <WebhookSecurity trigger={trigger} secretStored={secretStored} disabled={!canEdit} onChange={onChange} />
        </>
      ) : null}
      {trigger.type === "schedule" ? (
        <ScheduleEditor cron={trigger.cron} timezone={trigger.timezone} flowId={flowId} disabled={!canEdit} onChange={(cron, timezone) => onChange({ ...trigger, cron, timezone })} />
      ) : null}
      {trigger.type === "manual" ? (
        <p className="text-sm text-muted-foreground">Runs when started from the flow&apos;s page or with POST /api/v1/flows/{"{id}"}/run.</p>
      ) : null}
      {trigger.type !== "schedule" ? (
        <SampleEditor
          flowId={flowId}
          kind={trigger.type}
          sample={sample}
          disabled={!canEdit}
          onSample={(next) => onChange({ ...trigger, sample: next as never })}
          onOutputs={onOutputs}
        />
      ) : (
        <p className="text-sm text-muted-foreground">A scheduled run starts with an empty payload; steps read other steps&apos; outputs.</p>
      )}
    </div>
  );
}

function SampleEditor({
  flowId,
  kind,
  sample,
  disabled,
  onSample,
  onOutputs,
}: {
  flowId: string | null;
  kind: "webhook" | "manual";
  sample: unknown;
  disabled: boolean;
  onSample: (sample: unknown) => void;
  onOutputs: (outputs: Record<string, unknown>) => void;
}) {
  const [text, setText] = useState(() => (sample === undefined ? "" : JSON.stringify(sample, null, 2)));
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const load = (source: "event" | "execution") =>
    startTransition(async () => {
      if (!flowId) return;
      const result = await loadSampleAction(flowId, source);
      if (!result.ok) return void toast.error(result.error ?? "Could not load a sample.");
      onSample(result.sample);
      if (result.outputs) onOutputs(result.outputs);
      setText(JSON.stringify(result.sample, null, 2));
      setError(null);
      toast.success(`Sample loaded from the ${result.from}.`);
    });
  return (
    <section aria-label="Trigger sample" className="grid gap-2 rounded-md border p-3">
      <h3 className="text-sm font-medium">Sample data</h3>
      <p className="text-xs text-muted-foreground">The data picker offers the sample&apos;s fields; tests and dry runs use it as the trigger&apos;s body.</p>
      <div className="flex flex-wrap gap-2">
        {kind === "webhook" ? (
          <Button type="button" variant="outline" size="sm" disabled={!flowId || pending} onClick={() => load("event")}>
            <Download aria-hidden="true" />
            Load last event
          </Button>
        ) : null}
        <Button type="button" variant="outline" size="sm" disabled={!flowId || pending} onClick={() => load("execution")}>
          <History aria-hidden="true" />
          Load last execution
        </Button>
      </div>
      {!flowId ? <p className="text-xs text-muted-foreground">Loading a received event needs the flow saved; you can paste a sample now.</p> : null}
      <Label htmlFor="trigger-sample">Paste a sample (JSON)</Label>
      <Textarea
        id="trigger-sample"
        value={text}
        disabled={disabled}
        spellCheck={false}
        aria-invalid={error ? true : undefined}
        className="min-h-32 font-mono text-xs"
        placeholder='{"id": 1, "customer": {"email": "ada@example.com"}}'
        onChange={(e) => setText(e.target.value)}
      />
      {error ? <p className="text-xs text-destructive">{error}</p> : null}
      <Button
        type="button"
        size="sm"
        className="justify-self-start"
        disabled={disabled || !text.trim()}
        onClick={() => {
          try {
            onSample(JSON.parse(text));
            setError(null);
            toast.success("Sample saved to the trigger.");
          } catch {
            setError("This is not valid JSON.");
          }
        }}
      >
        Use this sample
      </Button>
    </section>
  );
}
