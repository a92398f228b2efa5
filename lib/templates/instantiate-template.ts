import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { ValidationError } from "@/lib/api/errors";
import { getConnector } from "@/lib/connectors";
import { connections } from "@/lib/db/schema";
import type { Queryable } from "@/lib/db/types";
import type { FlowDefinition } from "@/lib/flows/definition";
import { parseFlowDefinition } from "@/lib/flows/flow-store";
import { SLOT_PREFIX, type FlowTemplate } from "./template-types";

// Turns a template and the connections a person chose for its slots into a flow definition
// (inactive): every slot must get a connection of this workspace, of the slot's connector,
// that is not revoked. The flow store then validates and saves it like any other flow.

export const chosenConnectionsSchema = z.record(z.string().max(50), z.string().uuid("Choose a connection."));

export interface ConnectionFacts {
  id: string;
  name: string;
  connector: string;
  status: string;
}

const connectorName = (slug: string) => getConnector(slug)?.name ?? slug;

/** The first problem with the chosen connections, or null; `found` are the workspace's rows among them. */
export function slotProblem(template: FlowTemplate, chosen: Record<string, string>, found: ConnectionFacts[]): { field: string; message: string } | null {
  const byId = new Map(found.map((c) => [c.id, c]));
  for (const slot of template.slots) {
    const field = `connections.${slot.key}`;
    const id = chosen[slot.key];
    if (!id) return { field, message: `Choose a ${connectorName(slot.connector)} connection for “${slot.label}”.` };
    const connection = byId.get(id);
    if (!connection) return { field, message: `That ${connectorName(slot.connector)} connection is not in this workspace.` };
    if (connection.connector !== slot.connector) {
      return {
        field,
        message: `“${connection.name}” is a ${connectorName(connection.connector)} connection; “${slot.label}” needs a ${connectorName(slot.connector)} connection.`,
      };
    }
    if (connection.status === "revoked") return { field, message: `“${connection.name}” was revoked; connect ${connectorName(slot.connector)} again.` };
  }
  const unknown = Object.keys(chosen).find((key) => !template.slots.some((s) => s.key === key));
  return unknown ? { field: `connections.${unknown}`, message: `This template has no connection “${unknown}”.` } : null;
}

/** The template's definition with each `$slot:<key>` connection replaced by the chosen id. */
export function fillSlots(template: FlowTemplate, chosen: Record<string, string>): unknown {
  const fill = (value: unknown, key?: string): unknown => {
    if (key === "connection" && typeof value === "string" && value.startsWith(SLOT_PREFIX)) {
      return chosen[value.slice(SLOT_PREFIX.length)] ?? null;
    }
    if (Array.isArray(value)) return value.map((v) => fill(v));
    if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v, k)]));
    return value;
  };
  return { ...(fill(template.definition) as object), active: false };
}

/** Checks the chosen connections against the workspace (run as the user: RLS applies) and builds the definition. */
export async function instantiateTemplate(
  q: Queryable,
  workspaceId: string,
  template: FlowTemplate,
  chosen: Record<string, string>,
): Promise<FlowDefinition> {
  const ids = [...new Set(Object.values(chosen))];
  const found = ids.length
    ? await q
        .select({ id: connections.id, name: connections.name, connector: connections.connector, status: connections.status })
        .from(connections)
        .where(and(eq(connections.workspaceId, workspaceId), inArray(connections.id, ids)))
    : [];
  const problem = slotProblem(template, chosen, found);
  if (problem) throw new ValidationError(problem.message, problem.field);
  return parseFlowDefinition(fillSlots(template, chosen));
}
