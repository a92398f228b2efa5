"use client";

import { useCallback, useEffect, useMemo, useState } from "react";
import { Loader2, PlayCircle, Redo2, Save, Undo2, Zap } from "lucide-react";
import { toast } from "sonner";
import { listConnectionsAction, saveFlowAction, setFlowActiveAction, testStepAction, type TestStepResult } from "@/app/(hub)/flows/actions";
import type { ConnectTarget } from "@/components/connections/connect-form-model";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Switch } from "@/components/ui/switch";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import type { FlowDefinition, Step } from "@/lib/flows/definition";
import type { BuilderConnector } from "@/lib/flows/builder/builder-catalog";
import { builderIssues, issuesByTarget, type BuilderIssue } from "@/lib/flows/builder/flow-issues";
import { canRedo, canUndo, createHistory, pushHistory, redo, undo } from "@/lib/flows/builder/history";
import { keyBase, newActionStep, newKindStep } from "@/lib/flows/builder/new-step";
import { insertStep, moveStep, removeStep, replaceStep, uniqueKey } from "@/lib/flows/builder/step-tree";
import { BuilderContext, type BuilderConnection, type BuilderContextValue } from "./builder-context";
import { DryRunDialog } from "./dry-run-dialog";
import { FlowCanvas, type Insert } from "./flow-canvas";
import { FlowSettingsDialog } from "./flow-settings-dialog";
import { StepPicker, type PickedStep } from "./step-picker";
import { StepSheet } from "./step-sheet";
import { StepsList } from "./steps-list";
import { useUnsavedGuard } from "./use-unsaved-guard";

export interface FlowBuilderProps {
  flowId: string | null;
  version: number | null;
  active: boolean;
  pausedReason: string | null;
  definition: FlowDefinition;
  catalog: BuilderConnector[];
  connections: BuilderConnection[];
  connectTargets: ConnectTarget[];
  canEdit: boolean;
  /** The flow's webhook has a signing secret stored (never the secret itself). */
  signingSecretStored?: boolean;
}

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName) || target.closest("[role=dialog]") !== null);

export function FlowBuilder(props: FlowBuilderProps) {
  const [history, setHistory] = useState(() => createHistory(props.definition));
  const definition = history.present;
  const [saved, setSaved] = useState(() => JSON.stringify(props.definition));
  const [flowId, setFlowId] = useState(props.flowId);
  const [version, setVersion] = useState(props.version);
  const [active, setActive] = useState(props.active);
  const [webhookUrl, setWebhookUrl] = useState<string | null>(null);
  const [secretStored, setSecretStored] = useState(Boolean(props.signingSecretStored));
  const [selected, setSelected] = useState<string | null>(null);
  const [sheetOpen, setSheetOpen] = useState(false);
  const [pickerAt, setPickerAt] = useState<Insert | null>(null);
  const [checked, setChecked] = useState(false);
  const [serverIssues, setServerIssues] = useState<BuilderIssue[]>([]);
  const [outputs, setOutputs] = useState<Record<string, unknown>>({});
  const [results, setResults] = useState<Record<string, TestStepResult>>({});
  const [testing, setTesting] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [connections, setConnections] = useState(props.connections);
  const [dryRunFor, setDryRunFor] = useState<{ flowId: string; payload: unknown; nonce: number } | null>(null);
  const dirty = JSON.stringify(definition) !== saved;
  const canEdit = props.canEdit;
  useUnsavedGuard(dirty && canEdit);

  const issues = useMemo(
    () => issuesByTarget([...(checked ? builderIssues(definition, props.catalog) : []), ...serverIssues]),
    [checked, definition, props.catalog, serverIssues],
  );
  const sample = definition.trigger.type === "schedule" ? undefined : definition.trigger.sample;

  const edit = useCallback((next: FlowDefinition, group?: string) => {
    setHistory((h) => pushHistory(h, next, { group }));
    setServerIssues([]);
  }, []);

  const refreshConnections = useCallback(async () => {
    const result = await listConnectionsAction();
    if (result.ok && result.connections) setConnections(result.connections);
  }, []);

  const deleteStep = useCallback(
    (key: string) => {
      edit(removeStep(definition, key));
      if (selected === key) {
        setSelected(null);
        setSheetOpen(false);
      }
      toast.success(`Deleted step “${key}”.`, { action: { label: "Restore step", onClick: () => setHistory((h) => undo(h)) } });
    },
    [definition, edit, selected],
  );

  /** Saves the draft (optionally activating it); resolves to the flow's id, or null with the problems shown. */
  const save = async (activate = false): Promise<string | null> => {
    const draft = activate ? { ...definition, active: true } : definition;
    setChecked(true);
    const local = builderIssues(draft, props.catalog);
    if (local.length) {
      toast.error(`Fix ${local.length} problem${local.length > 1 ? "s" : ""} before saving; they are marked on the steps.`);
      return null;
    }
    setSaving(true);
    try {
      const result = await saveFlowAction({ id: flowId, definition: draft });
      if (!result.ok || !result.id) {
        setServerIssues(result.issues ?? []);
        toast.error(result.error ?? "Could not save the flow.");
        return null;
      }
      if (draft !== definition) setHistory((h) => ({ ...h, present: draft }));
      setSaved(JSON.stringify(draft));
      setFlowId(result.id);
      setVersion(result.version ?? null);
      setActive(Boolean(result.active));
      if (result.webhookUrl) setWebhookUrl(result.webhookUrl);
      if (draft.trigger.type === "webhook" && draft.trigger.signature?.secret) setSecretStored(true);
      // Stay on this page (its state holds the new webhook URL) while the address names the flow.
      if (!flowId) window.history.replaceState(null, "", `/flows/${result.id}`);
      toast.success(activate ? `Saved version ${result.version} and activated.` : `Saved version ${result.version}.`);
      return result.id;
    } finally {
      setSaving(false);
    }
  };

  const toggleActive = async (next: boolean) => {
    if (!flowId) return;
    const result = await setFlowActiveAction(flowId, next);
    if (!result.ok) return void toast.error(result.error ?? "Could not change the flow.");
    setActive(Boolean(result.active));
    setHistory((h) => ({ ...h, present: { ...h.present, active: Boolean(result.active) } }));
    setSaved((s) => JSON.stringify({ ...(JSON.parse(s) as FlowDefinition), active: Boolean(result.active) }));
    toast.success(result.active ? "Flow activated." : "Flow paused.");
  };

  const test = async (key: string) => {
    setTesting(key);
    try {
      const id = dirty || !flowId ? await save() : flowId;
      if (!id) return;
      const result = await testStepAction(id, key, sample);
      if (!result.ok || !result.result) return void toast.error(result.error ?? "The test could not run.");
      const run = result.result;
      setResults((r) => ({ ...r, [key]: run }));
      if (run.status === "succeeded") setOutputs((o) => ({ ...o, [key]: run.output }));
    } finally {
      setTesting(null);
    }
  };

  const dryRun = async () => {
    const id = dirty || !flowId ? await save() : flowId;
    if (id) setDryRunFor({ flowId: id, payload: sample ?? {}, nonce: Date.now() });
  };

  const open = (key: string) => {
    setSelected(key);
    setSheetOpen(true);
  };

  const add = (picked: PickedStep) => {
    if (!pickerAt) return;
    const step: Step =
      "kind" in picked
        ? newKindStep(picked.kind, uniqueKey(definition, picked.kind === "transform" ? "map" : picked.kind))
        : newActionStep(
            picked.connector,
            picked.action,
            uniqueKey(definition, keyBase(picked.action.name)),
            connections.find((c) => c.connector === picked.connector.slug && c.status === "active")?.id ?? null,
          );
    edit(insertStep(definition, pickerAt.list, pickerAt.index, step));
    setPickerAt(null);
    open(step.key);
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isTyping(event.target)) return;
      const mod = event.metaKey || event.ctrlKey;
      if (mod && event.key.toLowerCase() === "z") {
        event.preventDefault();
        setHistory((h) => (event.shiftKey ? redo(h) : undo(h)));
      } else if (mod && event.key.toLowerCase() === "y") {
        event.preventDefault();
        setHistory((h) => redo(h));
      } else if ((event.key === "Delete" || event.key === "Backspace") && canEdit && selected && selected !== "trigger" && !sheetOpen) {
        event.preventDefault();
        deleteStep(selected);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [canEdit, deleteStep, selected, sheetOpen]);

  const context: BuilderContextValue = {
    definition,
    catalog: props.catalog,
    connections,
    refreshConnections,
    connectTargets: props.connectTargets,
    sample,
    outputs,
    issues,
    canEdit,
  };
  const problemCount = [...issues.values()].reduce((n, list) => n + list.length, 0);

  return (
    <BuilderContext.Provider value={context}>
      <div className="grid gap-4">
        <div className="flex flex-col gap-3 lg:flex-row lg:items-center lg:justify-between">
          <div className="flex min-w-0 flex-1 items-center gap-2">
            <Input
              aria-label="Flow name"
              value={definition.name}
              disabled={!canEdit}
              className="h-10 max-w-md text-lg font-semibold"
              onChange={(e) => edit({ ...definition, name: e.target.value }, "flow-name")}
            />
            {version ? <Badge variant="outline">v{version}</Badge> : <Badge variant="outline">New</Badge>}
            <span role="status" className="text-xs whitespace-nowrap text-muted-foreground">
              {dirty ? "Unsaved changes" : flowId ? "All changes saved" : ""}
            </span>
          </div>
          <div className="flex flex-wrap items-center gap-2">
            <FlowSettingsDialog definition={definition} disabled={!canEdit} onChange={(next) => edit(next)} />
            <Button type="button" variant="ghost" size="icon" aria-label="Undo" title="Undo (Ctrl+Z)" disabled={!canEdit || !canUndo(history)} onClick={() => setHistory(undo)}>
              <Undo2 aria-hidden="true" />
            </Button>
            <Button type="button" variant="ghost" size="icon" aria-label="Redo" title="Redo (Ctrl+Shift+Z)" disabled={!canEdit || !canRedo(history)} onClick={() => setHistory(redo)}>
              <Redo2 aria-hidden="true" />
            </Button>
            <label className="flex items-center gap-2 text-sm">
              <Switch checked={active} disabled={!canEdit || !flowId} onCheckedChange={toggleActive} aria-label="Active" />
              Active
            </label>
            <Button type="button" variant="outline" disabled={!canEdit || saving} onClick={dryRun}>
              <PlayCircle aria-hidden="true" />
              Dry run
            </Button>
            <Button type="button" variant="outline" disabled={!canEdit || saving} onClick={() => void save()}>
              {saving ? <Loader2 className="animate-spin" aria-hidden="true" /> : <Save aria-hidden="true" />}
              Save
            </Button>
            <Button type="button" disabled={!canEdit || saving} onClick={() => void save(true)}>
              <Zap aria-hidden="true" />
              Save &amp; activate
            </Button>
          </div>
        </div>
        {!canEdit ? <p className="text-sm text-muted-foreground">You are a viewer in this workspace: you can look at this flow but not change or run it.</p> : null}
        {props.pausedReason && !active ? <p className="text-sm text-amber-700 dark:text-amber-400">Paused: {props.pausedReason}</p> : null}
        {problemCount ? (
          <p role="alert" className="text-sm text-destructive">
            {problemCount} problem{problemCount > 1 ? "s" : ""} to fix before saving; open the marked steps to see them.
          </p>
        ) : null}
        <Tabs defaultValue="canvas">
          <TabsList aria-label="Builder view">
            <TabsTrigger value="canvas">Canvas</TabsTrigger>
            <TabsTrigger value="list">List</TabsTrigger>
          </TabsList>
          <TabsContent value="canvas">
            <FlowCanvas selected={selected} onOpen={open} onAdd={setPickerAt} />
            <p className="mt-2 text-xs text-muted-foreground">
              Click a step to configure it; + on a line adds a step there. With a step selected, Delete removes it; Ctrl/Cmd+Z undoes.
            </p>
          </TabsContent>
          <TabsContent value="list">
            <StepsList onOpen={open} onAdd={setPickerAt} onMove={(key, by) => edit(moveStep(definition, key, by))} onDelete={deleteStep} />
          </TabsContent>
        </Tabs>
      </div>
      <StepPicker open={pickerAt !== null} onOpenChange={(o) => !o && setPickerAt(null)} catalog={props.catalog} onPick={add} />
      <StepSheet
        selected={selected}
        open={sheetOpen}
        onOpenChange={setSheetOpen}
        flowId={flowId}
        webhookUrl={webhookUrl}
        signingSecretStored={secretStored}
        onWebhookUrl={setWebhookUrl}
        onTrigger={(trigger) => edit({ ...definition, trigger }, "trigger")}
        onStep={(key, step, group) => edit(replaceStep(definition, key, step), `${key}:${group}`)}
        onDelete={deleteStep}
        onOutputs={(o) => setOutputs((prev) => ({ ...prev, ...o }))}
        onTest={test}
        testing={testing}
        results={results}
      />
      <DryRunDialog request={dryRunFor} onClose={() => setDryRunFor(null)} />
    </BuilderContext.Provider>
  );
}
