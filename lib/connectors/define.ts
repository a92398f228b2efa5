import type { z } from "zod";
import type { ActionDefinition, ConnectorDefinition, TriggerDefinition } from "./types";

// Identity helpers: they only give each definition its precise type where it is written.

export function defineConnector(def: ConnectorDefinition): ConnectorDefinition {
  return def;
}

export function defineAction<S extends z.ZodType>(action: ActionDefinition<S>): ActionDefinition<S> {
  return action;
}

export function defineTrigger(trigger: TriggerDefinition): TriggerDefinition {
  return trigger;
}
