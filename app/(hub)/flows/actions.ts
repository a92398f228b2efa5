"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { ApiError, fromZodError } from "@/lib/api/errors";
import { originFromHeaders } from "@/lib/api/site-origin";
import { requireSession } from "@/lib/auth/session";
import { actorOf, roleAtLeast, type Actor } from "@/lib/auth/types";
import { listConnectionRows } from "@/lib/connections/connection-queries";
import { withUser } from "@/lib/db/scope";
import { getExecution, listExecutions, runFlowManually } from "@/lib/engine/executions-service";
import { kickExecutions } from "@/lib/engine/kick";
import { testStep } from "@/lib/engine/test-step";
import { flowDefinitionSchema } from "@/lib/flows/definition";
import { createFlow, setFlowActive, updateFlow } from "@/lib/flows/flow-store";
import { actionIssues, issuesFromServer, referenceIssues, schemaIssues, type BuilderIssue } from "@/lib/flows/builder/flow-issues";
import { describeConnector } from "@/lib/flows/builder/builder-catalog";
import { listCustomConnectors } from "@/lib/connections/resolve-connector";
import { listConnectors } from "@/lib/connectors/registry";
import { previewSchedule, type SchedulePreview } from "@/lib/flows/builder/schedule-preview";
import { getWebhookEvent, listWebhookEvents, rotateWebhookToken } from "@/lib/webhooks/events-service";
import { actionFailure, type ActionState } from "../connections/action-result";

// The flow builder's and the flows list's server actions. Each validates its input with zod
// and goes through the flow store, the step tester or the executions service as the signed-in
// member; viewers are refused here as well as by those services. They do not revalidate paths:
// the pages are dynamic, and a refresh of the builder's own route would reset its state.

const idSchema = z.string().uuid("Unknown flow.");
const stepKeySchema = z.string().min(1).max(63);

async function memberActor(): Promise<Actor | ActionState> {
  const actor = actorOf(await requireSession());
  if (!roleAtLeast(actor.role, "member")) return { ok: false, error: "Viewers can look at flows but not change or run them." };
  return actor;
}
const refused = (a: Actor | ActionState): a is ActionState => "ok" in a;

async function webhookUrl(token: string): Promise<string> {
  return `${originFromHeaders(await headers())}/api/webhooks/${token}`;
}

const saveSchema = z.strictObject({ id: idSchema.nullable(), definition: z.unknown() });
export type SaveFlowState = ActionState & { id?: string; version?: number; active?: boolean; webhookUrl?: string; issues?: BuilderIssue[] };

/** Checks the flow as the builder does, then saves it as a new version (the server checks again). */
export async function saveFlowAction(raw: z.input<typeof saveSchema>): Promise<SaveFlowState> {
  const input = saveSchema.safeParse(raw);
  if (!input.success) return actionFailure(fromZodError(input.error));
  const actor = await memberActor();
  if (refused(actor)) return actor;
  const parsed = flowDefinitionSchema.safeParse(input.data.definition);
  if (!parsed.success) return { ok: false, error: "The flow has problems; they are shown on its steps.", issues: schemaIssues(input.data.definition) };
  const definition = parsed.data;
  const custom = await withUser({ userId: actor.userId, email: actor.email }, (tx) => listCustomConnectors(tx, actor.workspaceId));
  const catalog = [...listConnectors().map((def) => describeConnector(def)), ...custom.map(({ def }) => describeConnector(def, true))];
  const issues = [...actionIssues(definition, catalog), ...referenceIssues(definition)];
  if (issues.length) return { ok: false, error: "The flow has problems; they are shown on its steps.", issues };
  try {
    const saved = input.data.id ? await updateFlow(actor, input.data.id, definition) : await createFlow(actor, definition);
    return {
      ok: true,
      id: saved.row.id,
      version: saved.row.version,
      active: saved.row.isActive,
      ...(saved.webhookToken ? { webhookUrl: await webhookUrl(saved.webhookToken) } : {}),
    };
  } catch (error) {
    if (error instanceof ApiError && Array.isArray(error.extra.issues)) {
      return { ok: false, error: error.message, issues: issuesFromServer(definition, error.extra.issues as { path: string; message: string }[]) };
    }
    return actionFailure(error);
  }
}

export async function setFlowActiveAction(id: string, active: boolean): Promise<ActionState & { active?: boolean }> {
  const parsed = z.object({ id: idSchema, active: z.boolean() }).safeParse({ id, active });
  if (!parsed.success) return actionFailure(fromZodError(parsed.error));
  const actor = await memberActor();
  if (refused(actor)) return actor;
  try {
    const row = await setFlowActive(actor, parsed.data.id, parsed.data.active);
    return { ok: true, active: row.isActive };
  } catch (error) {
    return actionFailure(error);
  }
}

const payloadSchema = z.json().optional();
export type TestStepResult = Awaited<ReturnType<typeof testStep>>;

/** Runs one saved step against the sample (or the last execution's payload when there is none). */
export async function testStepAction(id: string, stepKey: string, payload: unknown): Promise<ActionState & { result?: TestStepResult }> {
  const parsed = z.object({ id: idSchema, stepKey: stepKeySchema, payload: payloadSchema }).safeParse({ id, stepKey, payload });
  if (!parsed.success) return actionFailure(fromZodError(parsed.error));
  const actor = await memberActor();
  if (refused(actor)) return actor;
  try {
    const body = parsed.data.payload === undefined ? {} : { payload: parsed.data.payload };
    return { ok: true, result: await testStep(actor, parsed.data.id, parsed.data.stepKey, body) };
  } catch (error) {
    return actionFailure(error);
  }
}

/** Starts a dry run of the saved flow: writes are shown, not sent. */
export async function dryRunAction(id: string, payload: unknown): Promise<ActionState & { executionId?: string }> {
  const parsed = z.object({ id: idSchema, payload: payloadSchema }).safeParse({ id, payload });
  if (!parsed.success) return actionFailure(fromZodError(parsed.error));
  const actor = await memberActor();
  if (refused(actor)) return actor;
  try {
    const execution = await runFlowManually(actor, parsed.data.id, { payload: parsed.data.payload ?? {} }, { dryRun: true });
    kickExecutions([execution.id]);
    return { ok: true, executionId: execution.id };
  } catch (error) {
    return actionFailure(error);
  }
}

export type ExecutionView = Awaited<ReturnType<typeof getExecution>>;

export async function executionAction(executionId: string): Promise<ActionState & { execution?: ExecutionView }> {
  const parsed = z.string().uuid().safeParse(executionId);
  if (!parsed.success) return actionFailure(fromZodError(parsed.error));
  try {
    return { ok: true, execution: await getExecution(actorOf(await requireSession()), parsed.data) };
  } catch (error) {
    return actionFailure(error);
  }
}

export async function rotateWebhookAction(id: string): Promise<ActionState & { webhookUrl?: string }> {
  const parsed = idSchema.safeParse(id);
  if (!parsed.success) return actionFailure(fromZodError(parsed.error));
  const actor = await memberActor();
  if (refused(actor)) return actor;
  try {
    return { ok: true, webhookUrl: await webhookUrl(await rotateWebhookToken(actor, parsed.data)) };
  } catch (error) {
    return actionFailure(error);
  }
}

const sampleSourceSchema = z.enum(["event", "execution"]);
export type SampleState = ActionState & { sample?: unknown; outputs?: Record<string, unknown>; from?: string };

/** The body of the flow's last received webhook event, or the last execution's payload and step outputs. */
export async function loadSampleAction(id: string, source: "event" | "execution"): Promise<SampleState> {
  const parsed = z.object({ id: idSchema, source: sampleSourceSchema }).safeParse({ id, source });
  if (!parsed.success) return actionFailure(fromZodError(parsed.error));
  const actor = actorOf(await requireSession());
  try {
    if (parsed.data.source === "event") {
      const events = await listWebhookEvents(actor, { flow_id: parsed.data.id, limit: 1 });
      const last = events.data[0];
      if (!last) return { ok: false, error: "No webhook event has arrived for this flow yet. Send one to its URL, or paste a sample." };
      const event = await getWebhookEvent(actor, last.id);
      if (event.body_encoding !== "utf8") return { ok: false, error: "The last event's body is not text, so it cannot be used as a sample." };
      try {
        return { ok: true, sample: JSON.parse(event.body), from: `event received ${last.received_at}` };
      } catch {
        return { ok: false, error: "The last event's body is not JSON, so it cannot be used as a sample." };
      }
    }
    const executions = await listExecutions(actor, { flow_id: parsed.data.id, limit: 1 });
    const last = executions.data[0];
    if (!last) return { ok: false, error: "This flow has not run yet. Run it, or paste a sample." };
    const execution = await getExecution(actor, last.id);
    const payload = execution.trigger_payload as { body?: unknown } | null;
    const outputs = Object.fromEntries(execution.steps.filter((s) => s.status === "succeeded").map((s) => [s.key, s.output]));
    return { ok: true, sample: payload?.body ?? {}, outputs, from: `execution of ${last.created_at}` };
  } catch (error) {
    return actionFailure(error);
  }
}

export async function listConnectionsAction(): Promise<ActionState & { connections?: { id: string; name: string; connector: string; status: string }[] }> {
  const session = await requireSession();
  try {
    const rows = await withUser({ userId: session.user.id, email: session.user.email }, (tx) => listConnectionRows(tx, session.workspace.id));
    return { ok: true, connections: rows.map((r) => ({ id: r.id, name: r.name, connector: r.connector, status: r.status })) };
  } catch (error) {
    return actionFailure(error);
  }
}

export async function schedulePreviewAction(cron: string, timezone: string, flowId: string | null): Promise<SchedulePreview> {
  const parsed = z.object({ cron: z.string().max(100), timezone: z.string().max(64), flowId: idSchema.nullable() }).safeParse({ cron, timezone, flowId });
  if (!parsed.success) return { ok: false, error: "Enter a cron expression and a time zone." };
  await requireSession();
  return previewSchedule(parsed.data.cron, parsed.data.timezone, parsed.data.flowId);
}
