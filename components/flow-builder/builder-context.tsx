"use client";

import { createContext, useContext } from "react";
import type { ConnectTarget } from "@/components/connections/connect-form-model";
import type { FlowDefinition } from "@/lib/flows/definition";
import type { BuilderConnector } from "@/lib/flows/builder/builder-catalog";

export interface BuilderConnection {
  id: string;
  name: string;
  connector: string;
  status: string;
}

/** What every part of the builder reads: the draft, the catalog and what tests have shown. */
export interface BuilderContextValue {
  definition: FlowDefinition;
  catalog: BuilderConnector[];
  connections: BuilderConnection[];
  refreshConnections: () => Promise<void>;
  connectTargets: ConnectTarget[];
  /** The trigger sample (what `trigger.body` holds), if any. */
  sample: unknown;
  /** Outputs of steps from tests and the last execution, by key. */
  outputs: Record<string, unknown>;
  issues: Map<string, string[]>;
  canEdit: boolean;
}

export const BuilderContext = createContext<BuilderContextValue | null>(null);

export function useBuilder(): BuilderContextValue {
  const value = useContext(BuilderContext);
  if (!value) throw new Error("useBuilder outside the flow builder");
  return value;
}
