import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { Actor } from "@/lib/auth/types";
import { getAction } from "@/lib/connectors";
import { ensureAuthUser } from "@/lib/db/queries/users";
import { createWorkspace } from "@/lib/db/queries/workspaces";
import { connections, flowSteps } from "@/lib/db/schema";
import { withUser } from "@/lib/db/scope";
import { openTestDatabase } from "@/lib/db/testing";
import type { DatabaseHandle } from "@/lib/db/types";
import { flowDefinitionSchema, walkSteps } from "@/lib/flows/definition";
import { createFlow } from "@/lib/flows/flow-store";
import { findFlowIssues } from "@/lib/flows/validate-flow";
import { FLOW_TEMPLATES, getTemplate } from "./catalog";
import { fillSlots, instantiateTemplate } from "./instantiate-template";

// Every template against the real catalog and a real database (PGlite, or TEST_DATABASE_URL):
// with connections of the right connectors it parses and passes the same checks as a saved
// flow; the wrong connector, another workspace's connection or a missing one is refused.

let handle: DatabaseHandle;
let actor: Actor;
let otherWorkspaceId: string;
const byConnector: Record<string, string> = {};
let strangersSlack: string;
let revokedSlack: string;

async function connection(workspaceId: string, connector: string, name: string, status: "active" | "revoked" = "active"): Promise<string> {
  const [row] = await handle.db
    .insert(connections)
    .values({ workspaceId, connector, name, status, metadata: {}, credentialsEnc: null })
    .returning({ id: connections.id });
  return row.id;
}

const asActor = <T>(fn: Parameters<typeof withUser<T>>[1]) => withUser({ userId: actor.userId, email: actor.email }, fn);
const chosenFor = (slug: string) =>
  Object.fromEntries((getTemplate(slug)?.slots ?? []).map((s) => [s.key, byConnector[s.connector]]));

beforeAll(async () => {
  handle = await openTestDatabase();
  const owner = { id: randomUUID(), email: "owner@example.com" };
  const stranger = { id: randomUUID(), email: "stranger@example.com" };
  for (const u of [owner, stranger]) await ensureAuthUser(handle.db, u);
  const workspace = await createWorkspace(handle.db, { name: "Acme", ownerId: owner.id });
  const other = await createWorkspace(handle.db, { name: "Globex", ownerId: stranger.id });
  otherWorkspaceId = other.id;
  actor = { workspaceId: workspace.id, userId: owner.id, email: owner.email, role: "owner" };
  for (const slug of new Set(FLOW_TEMPLATES.flatMap((t) => t.slots.map((s) => s.connector)))) {
    byConnector[slug] = await connection(workspace.id, slug, `My ${slug}`);
  }
  strangersSlack = await connection(otherWorkspaceId, "slack", "Their Slack");
  revokedSlack = await connection(workspace.id, "slack", "Old Slack", "revoked");
});

afterAll(async () => {
  await handle.close();
});

describe("the template catalog", () => {
  it("holds the six gallery templates with unique slugs", () => {
    expect(FLOW_TEMPLATES.map((t) => t.slug)).toEqual([
      "stripe-payment-to-slack",
      "github-issue-to-notion",
      "shopify-order-to-google-sheets",
      "airtable-to-google-sheets-sync",
      "webhook-to-rest-api",
      "scheduled-rest-to-slack-digest",
    ]);
  });

  it.each(FLOW_TEMPLATES.map((t) => [t.slug, t] as const))("%s parses and passes findFlowIssues with its connections", async (slug, template) => {
    const definition = flowDefinitionSchema.parse(fillSlots(template, chosenFor(slug)));
    expect(definition.active).toBe(false);
    expect(await asActor((tx) => findFlowIssues(tx, actor.workspaceId, definition))).toEqual([]);
    // Every slot is used by a step, and every step's connector is in the catalog with its action.
    const used = walkSteps(definition.steps).flatMap(({ step }) =>
      step.type === "action" ? [step] : step.type === "sync" ? [step.source, step.destination] : [],
    );
    for (const s of template.slots) expect(used.some((u) => u.connection === byConnector[s.connector])).toBe(true);
    for (const u of used) expect(getAction(u.connector, u.action), `${u.connector}.${u.action}`).toBeDefined();
    // With connections of other connectors the same flow is not valid: the checks above could fail.
    const wrong = Object.fromEntries(template.slots.map((s) => [s.key, byConnector[s.connector === "slack" ? "http" : "slack"]]));
    const mismatched = flowDefinitionSchema.parse(fillSlots(template, wrong));
    const issues = await asActor((tx) => findFlowIssues(tx, actor.workspaceId, mismatched));
    expect(issues.length).toBeGreaterThanOrEqual(template.slots.length);
    expect(issues[0].message).toMatch(/^that connection is for /);
  });
});

describe("instantiateTemplate", () => {
  const template = () => getTemplate("stripe-payment-to-slack")!;

  it("builds an inactive flow that saves with its steps and mapping", async () => {
    const digest = getTemplate("scheduled-rest-to-slack-digest")!;
    const definition = await asActor((tx) => instantiateTemplate(tx, actor.workspaceId, digest, chosenFor(digest.slug)));
    const saved = await createFlow(actor, definition);
    expect(saved.row.isActive).toBe(false);
    const steps = await handle.db.select().from(flowSteps).where(eq(flowSteps.flowId, saved.row.id)).orderBy(flowSteps.position);
    expect(steps.map((s) => [s.key, s.connector, s.connectionId])).toEqual([
      ["fetch_report", "http", byConnector.http],
      ["post_digest", "slack", byConnector.slack],
    ]);
  });

  it("refuses a connection of the wrong connector, naming both", async () => {
    await expect(
      asActor((tx) => instantiateTemplate(tx, actor.workspaceId, template(), { slack: byConnector.http })),
    ).rejects.toMatchObject({ status: 400, extra: { field: "connections.slack" }, message: "“My http” is a HTTP connection; “Slack workspace” needs a Slack connection." });
  });

  it("refuses another workspace's connection as unknown here", async () => {
    await expect(asActor((tx) => instantiateTemplate(tx, actor.workspaceId, template(), { slack: strangersSlack }))).rejects.toThrow(
      "That Slack connection is not in this workspace.",
    );
  });

  it("refuses a missing, a revoked or an extra connection", async () => {
    await expect(asActor((tx) => instantiateTemplate(tx, actor.workspaceId, template(), {}))).rejects.toThrow(
      "Choose a Slack connection for “Slack workspace”.",
    );
    await expect(asActor((tx) => instantiateTemplate(tx, actor.workspaceId, template(), { slack: revokedSlack }))).rejects.toThrow(/was revoked/);
    await expect(
      asActor((tx) => instantiateTemplate(tx, actor.workspaceId, template(), { slack: byConnector.slack, extra: byConnector.http })),
    ).rejects.toThrow("This template has no connection “extra”.");
  });
});
