import { prepareAction, type Connection, type HttpRequest } from "./request";
import type { ConnectorDefinition } from "./types";

// Test helpers: build an action's request the way the engine will, and read its body back.

export function buildAction(
  def: ConnectorDefinition,
  key: string,
  input: unknown,
  options: { connection?: Connection | null; idempotencyKey?: string } = {},
): HttpRequest {
  const action = def.actions.find((a) => a.key === key);
  if (!action) throw new Error(`${def.slug} has no action ${key}`);
  return prepareAction(def, action, input, options).request;
}

export function jsonBody(request: HttpRequest): unknown {
  return JSON.parse(request.body ?? "null");
}

export function formBody(request: HttpRequest): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(request.body ?? ""));
}

export function header(request: HttpRequest, name: string): string | undefined {
  const key = Object.keys(request.headers).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : request.headers[key];
}
