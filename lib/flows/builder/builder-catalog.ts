import { z } from "zod";
import type { ConnectorDefinition } from "@/lib/connectors/types";
import { actionFieldsFromSchema, type ActionField } from "./action-fields";

// What the builder needs to know of each connector, as plain data the browser can hold: its
// actions with their input forms and whether they need a connection. No hooks, no secrets.

export interface BuilderAction {
  key: string;
  name: string;
  description: string;
  kind: "read" | "write";
  connection: "required" | "optional" | "none";
  fields: ActionField[];
}
export interface BuilderConnector {
  slug: string;
  name: string;
  icon: string;
  custom: boolean;
  actions: BuilderAction[];
}

export function describeConnector(def: ConnectorDefinition, custom = false): BuilderConnector {
  return {
    slug: def.slug,
    name: def.name,
    icon: def.icon,
    custom,
    actions: def.actions.map((action) => ({
      key: action.key,
      name: action.name,
      description: action.description,
      kind: action.kind,
      connection: action.connection ?? "required",
      fields: actionFieldsFromSchema(z.toJSONSchema(action.input, { io: "input", unrepresentable: "any" })),
    })),
  };
}

export function findAction(catalog: BuilderConnector[], connector: string, action: string): { connector: BuilderConnector; action: BuilderAction } | undefined {
  const c = catalog.find((x) => x.slug === connector);
  const a = c?.actions.find((x) => x.key === action);
  return c && a ? { connector: c, action: a } : undefined;
}
